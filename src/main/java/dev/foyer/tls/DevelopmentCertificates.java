package dev.foyer.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development CA and {@code localhost} certificate under one directory: created when absent,
 * reused while valid, and the server certificate re-issued when it expires within 30 days. The CA
 * key stays beside the CA so a renewal does not ask the developer to trust a new CA.
 */
final class DevelopmentCertificates {

    static final String CA_CERTIFICATE = "foyer-dev-ca.crt";
    static final String CA_KEY = "foyer-dev-ca.key";
    static final String SERVER_KEYSTORE = "foyer-dev-server.p12";
    static final String SERVER_PASSWORD = "foyer-dev-server.password";
    static final String SERVER_ALIAS = "foyer-dev-server";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(DevelopmentCertificates.class);

    private final Path directory;
    private final Clock clock;

    DevelopmentCertificates(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    TlsCertificate ensure() {
        CertificateIssuer.Issued authority = loadAuthority().orElseGet(this::createAuthority);
        return loadServer(authority).orElseGet(() -> createServer(authority));
    }

    Path caFile() {
        return directory.resolve(CA_CERTIFICATE);
    }

    private Optional<CertificateIssuer.Issued> loadAuthority() {
        Path keyFile = directory.resolve(CA_KEY);
        if (!Files.exists(caFile()) || !Files.exists(keyFile)) {
            return Optional.empty();
        }
        X509Certificate certificate = readCertificate(caFile());
        if (expiresSoon(certificate)) {
            return Optional.empty();
        }
        return Optional.of(new CertificateIssuer.Issued(certificate, readPrivateKey(keyFile)));
    }

    private CertificateIssuer.Issued createAuthority() {
        CertificateIssuer.Issued authority = CertificateIssuer.issueAuthority(clock.instant());
        OwnerOnlyFiles.write(directory.resolve(CA_KEY), pem(pkcs8(authority.key())), true);
        OwnerOnlyFiles.write(caFile(), pem(authority.certificate()), false);
        log.info("Created a development CA in {}", caFile());
        return authority;
    }

    private Optional<TlsCertificate> loadServer(CertificateIssuer.Issued authority) {
        Path keystoreFile = directory.resolve(SERVER_KEYSTORE);
        Path passwordFile = directory.resolve(SERVER_PASSWORD);
        if (!Files.exists(keystoreFile) || !Files.exists(passwordFile)) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystoreFile)) {
                keyStore.load(in, password.toCharArray());
            }
            X509Certificate server = (X509Certificate) keyStore.getCertificate(SERVER_ALIAS);
            if (server == null || expiresSoon(server)) {
                return Optional.empty();
            }
            server.verify(authority.certificate().getPublicKey());
            return Optional.of(new TlsCertificate(keyStore, password, SERVER_ALIAS, Optional.of(caFile()), keystoreFile));
        } catch (IOException | GeneralSecurityException unusable) {
            // Unreadable, or signed by a CA that has since been replaced: issue a fresh one.
            return Optional.empty();
        }
    }

    private TlsCertificate createServer(CertificateIssuer.Issued authority) {
        CertificateIssuer.Issued server = CertificateIssuer.issueServer(authority, clock.instant());
        String password = randomPassword();
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(SERVER_ALIAS, server.key(), password.toCharArray(),
                    new Certificate[] {server.certificate(), authority.certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keyStore.store(out, password.toCharArray());
            Path keystoreFile = directory.resolve(SERVER_KEYSTORE);
            OwnerOnlyFiles.write(directory.resolve(SERVER_PASSWORD), password.getBytes(StandardCharsets.UTF_8), true);
            OwnerOnlyFiles.write(keystoreFile, out.toByteArray(), true);
            log.info("Issued a development certificate for localhost, valid until {}", server.certificate().getNotAfter().toInstant());
            return new TlsCertificate(keyStore, password, SERVER_ALIAS, Optional.of(caFile()), keystoreFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot store the development certificate in " + directory, e);
        }
    }

    private boolean expiresSoon(X509Certificate certificate) {
        Instant renewAt = certificate.getNotAfter().toInstant().minus(RENEW_BEFORE);
        return !clock.instant().isBefore(renewAt);
    }

    private static X509Certificate readCertificate(Path file) {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the development CA " + file, e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("Cannot read the development CA key " + file, e);
        }
    }

    private static Object pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null);
        } catch (PemGenerationException e) {
            throw new IllegalStateException("Cannot encode the development CA key", e);
        }
    }

    private static byte[] pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
