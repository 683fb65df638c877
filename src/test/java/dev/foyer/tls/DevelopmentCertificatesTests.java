package dev.foyer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCertificatesTests {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void ensureWhenDirectoryEmptyThenCreatesCaAndLocalhostCertificateSignedByIt() throws Exception {
        TlsCertificate served = at(NOW).ensure();

        X509Certificate ca = TrustOnly.certificate(dir.resolve("foyer-dev-ca.crt"));
        X509Certificate server = (X509Certificate) served.keyStore().getCertificate(served.alias());
        assertThat(served.caFile()).contains(dir.resolve("foyer-dev-ca.crt").toAbsolutePath());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(3649)));
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getNotAfter().toInstant()).isBetween(NOW.plus(Duration.ofDays(364)), NOW.plus(Duration.ofDays(366)));
        assertThat(server.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        server.verify(ca.getPublicKey());
    }

    @Test
    void ensureWhenCreatingSecretsThenOnlyOwnerCanReadThem() throws Exception {
        at(NOW).ensure();

        assertThat(Files.exists(dir.resolve("foyer-dev-server.p12"))).isTrue();
        assertThat(Files.readString(dir.resolve("foyer-dev-server.password"))).isNotBlank();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            for (String secret : List.of("foyer-dev-server.p12", "foyer-dev-server.password", "foyer-dev-ca.key")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret))))
                        .as(secret).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void ensureWhenCertificatesStillValidThenReusesBoth() throws Exception {
        TlsCertificate first = at(NOW).ensure();
        String ca = TrustOnly.fingerprint(dir.resolve("foyer-dev-ca.crt"));

        TlsCertificate second = at(NOW.plus(Duration.ofDays(330))).ensure();

        assertThat(TrustOnly.fingerprint(dir.resolve("foyer-dev-ca.crt"))).isEqualTo(ca);
        assertThat(serial(second)).isEqualTo(serial(first));
    }

    @Test
    void ensureWhenServerCertificateExpiresWithin30DaysThenReissuesItUnderSameCa() throws Exception {
        TlsCertificate first = at(NOW).ensure();
        String ca = TrustOnly.fingerprint(dir.resolve("foyer-dev-ca.crt"));

        TlsCertificate renewed = at(NOW.plus(Duration.ofDays(340))).ensure();

        assertThat(TrustOnly.fingerprint(dir.resolve("foyer-dev-ca.crt"))).isEqualTo(ca);
        assertThat(serial(renewed)).isNotEqualTo(serial(first));
        X509Certificate server = (X509Certificate) renewed.keyStore().getCertificate(renewed.alias());
        server.verify(TrustOnly.certificate(dir.resolve("foyer-dev-ca.crt")).getPublicKey());
    }

    private DevelopmentCertificates at(Instant now) {
        return new DevelopmentCertificates(dir, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Object serial(TlsCertificate certificate) throws Exception {
        return ((X509Certificate) certificate.keyStore().getCertificate(certificate.alias())).getSerialNumber();
    }
}
