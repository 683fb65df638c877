package dev.foyer.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key a node uses when none is configured: generated once into an owner-only file in the data
 * directory and read from there on every later start. The file appears whole or not at all, and if
 * two processes on one data directory race, both end up with the one that was linked first.
 */
final class GeneratedKeyFile {

    static final String NAME = "secrets.key";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private GeneratedKeyFile() {
    }

    static SealingKey readOrCreate(Path file) {
        if (Files.exists(file)) {
            return read(file);
        }
        SealingKey generated = SealingKey.generate();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // A temp file starts as rw------- on POSIX, so the key is never readable by others.
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), NAME, ".tmp");
            try {
                Files.writeString(temp, generated.toBase64() + "\n", StandardCharsets.US_ASCII);
                if (POSIX) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                publish(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated secrets key " + file, e);
        }
        return read(file);
    }

    /** Never replaces an existing key file: that would orphan everything sealed with it. */
    private static void publish(Path temp, Path file) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException noHardLinks) {
            Files.move(temp, file);
        }
    }

    private static SealingKey read(Path file) {
        try {
            return SealingKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "The key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the generated secrets key " + file, e);
        }
    }
}
