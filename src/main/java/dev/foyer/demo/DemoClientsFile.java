package dev.foyer.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code demo-clients.properties} in the data directory: the client ids (and, for web apps, a
 * client secret) of the demo tenant's sample applications, so each example under
 * {@code examples/} starts with one command. Secrets are stored in clear here — development only,
 * beside the embedded database and the development keys — and the file is readable by its owner only.
 */
final class DemoClientsFile {

    static final String NAME = "demo-clients.properties";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;
    private final Properties properties = new Properties();

    private DemoClientsFile(Path file) {
        this.file = file;
    }

    static DemoClientsFile in(Path dataDir) {
        DemoClientsFile clients = new DemoClientsFile(dataDir.resolve(NAME).toAbsolutePath().normalize());
        if (Files.isRegularFile(clients.file)) {
            try (Reader reader = Files.newBufferedReader(clients.file, StandardCharsets.UTF_8)) {
                clients.properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + clients.file, e);
            }
        }
        return clients;
    }

    Path path() {
        return file;
    }

    Optional<String> clientId(String key) {
        return Optional.ofNullable(properties.getProperty("contoso." + key + ".client-id"));
    }

    Optional<String> clientSecret(String key) {
        return Optional.ofNullable(properties.getProperty("contoso." + key + ".client-secret"));
    }

    void put(String key, String clientId, String clientSecret) {
        properties.setProperty("contoso." + key + ".client-id", clientId);
        if (clientSecret == null) {
            properties.remove("contoso." + key + ".client-secret");
        } else {
            properties.setProperty("contoso." + key + ".client-secret", clientSecret);
        }
    }

    void save() {
        StringWriter text = new StringWriter();
        text.write("# The demo tenant's sample applications (examples/ in the repository): client ids and\n"
                + "# secrets, written by the demo seed. Development only; delete it to get new secrets.\n");
        new TreeMap<>(properties).forEach((k, v) -> text.write(k + "=" + v + "\n"));
        try {
            Files.createDirectories(file.getParent());
            // A temp file starts as rw------- on POSIX, so the secrets are never readable by others.
            Path temp = Files.createTempFile(file.getParent(), NAME, ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(text.toString());
            }
            if (POSIX) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
