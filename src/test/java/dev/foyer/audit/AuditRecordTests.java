package dev.foyer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRecordTests {

    @Test
    void typeWhenNotADottedNameThenRefused() {
        for (String type : Arrays.asList(null, "", "signIn", "SignIn.failed", "signIn.", "sign in.failed",
                "a." + "b".repeat(70))) {
            assertThatThrownBy(() -> new AuditRecord(type, AuditActor.ANONYMOUS, null, null))
                    .as(String.valueOf(type)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new AuditRecord("mfa.phoneRemoved", AuditActor.ANONYMOUS, null, null).type())
                .isEqualTo("mfa.phoneRemoved");
    }

    @Test
    void actorWhenNotAnonymousUserAdminOrClientThenRefused() {
        for (String actor : Arrays.asList(null, "", "someone", "user:", "root:1", "user:a b")) {
            assertThatThrownBy(() -> new AuditRecord("signIn.failed", actor, null, null))
                    .as(String.valueOf(actor)).isInstanceOf(IllegalArgumentException.class);
        }
        UUID id = UUID.randomUUID();
        assertThat(List.of(AuditActor.user(id), AuditActor.admin(id), AuditActor.client("web-app"), "anonymous"))
                .allSatisfy(actor -> assertThat(new AuditRecord("signIn.failed", actor, null, null).actor())
                        .isEqualTo(actor));
    }

    @Test
    void targetWhenLongerThan256CharactersThenRefused() {
        assertThatThrownBy(() -> new AuditRecord("signIn.failed", AuditActor.ANONYMOUS, null, "x".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditRecord("signIn.failed", AuditActor.ANONYMOUS, null, "x".repeat(256)).target())
                .hasSize(256);
    }

    @Test
    void detailsWhenHoldingAnObjectThenRefusedSoNoFieldsSlipIn() {
        Object secretive = new Object() {
            public String getPhoneNumber() {
                return "+14255550123";
            }
        };
        assertThatThrownBy(() -> new AuditRecord("mfa.codeSent", AuditActor.ANONYMOUS, null, null,
                Map.of("phone", secretive))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditRecord("mfa.codeSent", AuditActor.ANONYMOUS, null, null,
                Map.of("list", List.of(secretive)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailsWhenPlainValuesThenCopiedWithIdsAndInstantsAsText() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        Map<String, Object> mutable = new LinkedHashMap<>();
        mutable.put("methodId", id);
        mutable.put("at", at);
        mutable.put("before", null);
        mutable.put("after", Map.of("tries", 3, "on", true, "names", List.of("a")));

        AuditRecord record = new AuditRecord("admin.change", AuditActor.admin(id), null, null, mutable);
        mutable.put("later", "added");

        assertThat(record.details()).containsEntry("methodId", id.toString())
                .containsEntry("at", "2026-03-01T10:00:00Z")
                .containsEntry("before", null)
                .containsEntry("after", Map.of("tries", 3, "on", true, "names", List.of("a")))
                .doesNotContainKey("later");
        assertThatThrownBy(() -> record.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
