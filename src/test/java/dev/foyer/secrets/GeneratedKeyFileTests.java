package dev.foyer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedKeyFileTests {

    @TempDir
    Path dataDir;

    private final SecretsConfiguration configuration = new SecretsConfiguration();

    @Test
    void secretBoxWhenNoKeyConfiguredThenGeneratesOwnerOnlyKeyFile() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");

        SecretBox box = configuration.secretBox(new SecretsProperties(null, List.of()), dataDir);

        Path file = dataDir.resolve("secrets.key");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(SecretBox.of(Files.readString(file).strip(), List.of()).currentKeyId()).isEqualTo(box.currentKeyId());
        try (var leftovers = Files.list(dataDir)) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void secretBoxWhenStartedAgainOnSameDataDirThenReusesGeneratedKey() {
        SecretBox first = configuration.secretBox(new SecretsProperties("", List.of()), dataDir);
        String sealed = first.seal("top secret", "test:1");

        SecretBox second = configuration.secretBox(new SecretsProperties("", List.of()), dataDir);

        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(second.open(sealed, "test:1")).isEqualTo("top secret");
    }

    @Test
    void secretBoxWhenKeyConfiguredThenUsesItAndWritesNoFile() throws IOException {
        String key = TestKeys.fresh();

        SecretBox box = configuration.secretBox(new SecretsProperties(key, List.of()), dataDir);

        assertThat(box.currentKeyId()).isEqualTo(SecretBox.of(key, List.of()).currentKeyId());
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void secretBoxWhenConfiguredKeyIsBadThenRefusedAndNoFileWritten() throws IOException {
        assertThatThrownBy(() -> configuration.secretBox(new SecretsProperties(TestKeys.base64(24), List.of()), dataDir))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("24 bytes");
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void secretBoxWhenGeneratedKeyFileDamagedThenRefusedNamingTheFile() throws IOException {
        Files.writeString(dataDir.resolve("secrets.key"), "c2hvcnQ=\n");

        assertThatThrownBy(() -> configuration.secretBox(new SecretsProperties(null, List.of()), dataDir))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessageContaining("secrets.key decodes to 5 bytes");
    }

    @Test
    void secretBoxWhenPreviousKeysGivenThenOpensWhatTheySealed() {
        String old = TestKeys.fresh();
        String sealed = SecretBox.of(old, List.of()).seal("top secret", "test:1");

        SecretBox box = configuration.secretBox(new SecretsProperties(TestKeys.fresh(), List.of(old, "")), dataDir);

        assertThat(box.open(sealed, "test:1")).isEqualTo("top secret");
    }
}
