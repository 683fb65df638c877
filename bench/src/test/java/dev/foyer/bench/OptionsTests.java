package dev.foyer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void productionJvmOptionsWhenTwoCoresThenSerialCollectorAndRoomForTwoComputations() {
        assertThat(Argon2Parameters.DEFAULT.productionJvmOptions(2, 17)).containsExactly("-XX:+UseSerialGC", "-Xms32m",
                "-Xmx192m", "-XX:TrimNativeHeapInterval=5000", "-Dspring.aot.enabled=true");
        assertThat(Argon2Parameters.KEYCLOAK.productionJvmOptions(2, 17)).containsExactly("-XX:+UseSerialGC", "-Xms32m",
                "-Xmx160m", "-XX:TrimNativeHeapInterval=5000", "-Dspring.aot.enabled=true");
        assertThat(Argon2Parameters.DEFAULT.productionJvmOptions(16, 17)).containsExactly("-XX:+UseSerialGC", "-Xms32m",
                "-Xmx512m", "-XX:TrimNativeHeapInterval=5000", "-Dspring.aot.enabled=true");
    }

    @Test
    void productionJvmOptionsWhenJava24OrLaterThenJarsReadWithoutTheirVersionedClasses() {
        assertThat(Argon2Parameters.DEFAULT.productionJvmOptions(2, 21))
                .doesNotContain("-Djdk.util.jar.enableMultiRelease=false");
        assertThat(Argon2Parameters.DEFAULT.productionJvmOptions(2, 24)).containsExactly("-XX:+UseSerialGC", "-Xms32m",
                "-Xmx192m", "-XX:TrimNativeHeapInterval=5000", "-Dspring.aot.enabled=true",
                "-Djdk.util.jar.enableMultiRelease=false");
        assertThat(Argon2Parameters.DEFAULT.productionJvmOptions(2, 25))
                .contains("-Djdk.util.jar.enableMultiRelease=false");
    }

    @Test
    void parseWhenNoServerJvmOptionThenTheProductionOnesAndWhenEmptyThenNone() {
        int cores = Runtime.getRuntime().availableProcessors();

        assertThat(Options.parse(new String[0]).serverJvmOptions())
                .isEqualTo(Argon2Parameters.DEFAULT.productionJvmOptions(cores, Runtime.version().feature()));
        assertThat(Options.parse(new String[] {"--argon2", "keycloak"}).serverJvmOptions())
                .isEqualTo(Argon2Parameters.KEYCLOAK.productionJvmOptions(cores, Runtime.version().feature()));
        assertThat(Options.parse(new String[] {"--server-jvm", ""}).serverJvmOptions()).isEmpty();
        assertThat(Options.parse(new String[] {"--server-jvm", "-Xmx1g  -XX:+UseG1GC"}).serverJvmOptions())
                .containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void parseWhenNoCdsOptionThenStartedFromAnArchiveUnlessNoCds() {
        assertThat(Options.parse(new String[0]).cds()).isTrue();
        assertThat(Options.parse(new String[] {"--cds"}).cds()).isTrue();
        assertThat(Options.parse(new String[] {"--no-cds"}).cds()).isFalse();
    }
}
