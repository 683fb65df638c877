package dev.foyer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditQueryTests {

    @Test
    void limitWhenZeroThenOneHundred() {
        assertThat(new AuditQuery(null, null, null, null, 0, null).limit()).isEqualTo(100);
        assertThat(AuditQuery.newest().limit()).isEqualTo(100);
    }

    @Test
    void limitWhenNegativeOrAboveOneThousandThenRefused() {
        assertThat(AuditQuery.newest().limitedTo(1000).limit()).isEqualTo(1000);
        assertThatThrownBy(() -> AuditQuery.newest().limitedTo(1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> AuditQuery.newest().limitedTo(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeRangeWhenStartAfterEndThenRefused() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertThatThrownBy(() -> AuditQuery.newest().since(now).until(now.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
