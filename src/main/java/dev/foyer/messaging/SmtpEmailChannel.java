package dev.foyer.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends email through the SMTP server configured with {@code spring.mail.*}, as plain text; enabled
 * when {@code spring.mail.host} is set. It builds its mail sender from those properties itself, as
 * Boot's mail auto-configuration would (which Foyer leaves out, see {@code FoyerApplication}): that
 * auto-configuration exists only when the host is set, and a build processed ahead of time fixes
 * which beans exist, so it would miss a host configured at start.
 */
@Component
class SmtpEmailChannel implements Channel {

    private final JavaMailSenderImpl mailSender;
    private final String from;

    SmtpEmailChannel(MailProperties mail, ObjectProvider<SslBundles> sslBundles, MessagingProperties properties) {
        this.mailSender = hasText(mail.getHost()) ? sender(mail, sslBundles) : null;
        this.from = properties.email().from();
    }

    @Override
    public boolean enabled() {
        return mailSender != null;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        if (mailSender == null) {
            throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
        }
        try {
            MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper mail = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            mail.setFrom(from);
            mail.setTo(message.recipient());
            mail.setSubject(message.subject() == null ? "" : message.subject());
            mail.setText(message.body(), false);
            mime.setHeader("X-Foyer-Purpose", message.purpose());
            mailSender.send(mime);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("SMTP delivery failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** What Boot's {@code MailSenderPropertiesConfiguration} makes of the same properties. */
    private static JavaMailSenderImpl sender(MailProperties mail, ObjectProvider<SslBundles> sslBundles) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.getHost());
        if (mail.getPort() != null) {
            sender.setPort(mail.getPort());
        }
        sender.setUsername(mail.getUsername());
        sender.setPassword(mail.getPassword());
        sender.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) {
            sender.setDefaultEncoding(mail.getDefaultEncoding().name());
        }
        Properties javaMail = new Properties();
        javaMail.putAll(mail.getProperties());
        String protocol = hasText(mail.getProtocol()) ? mail.getProtocol() : "smtp";
        MailProperties.Ssl ssl = mail.getSsl();
        if (ssl.isEnabled() || hasText(ssl.getBundle())) {
            if (ssl.isVerifyHostname()) {
                javaMail.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
            if (ssl.isEnabled()) {
                javaMail.setProperty("mail." + protocol + ".ssl.enable", "true");
            }
            if (hasText(ssl.getBundle())) {
                javaMail.put("mail." + protocol + ".ssl.socketFactory",
                        sslBundles.getObject().getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
            }
        }
        if (!javaMail.isEmpty()) {
            sender.setJavaMailProperties(javaMail);
        }
        return sender;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
