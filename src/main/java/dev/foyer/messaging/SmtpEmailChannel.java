package dev.foyer.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends email through the SMTP server configured with {@code spring.mail.*}, as plain text. */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class SmtpEmailChannel implements Channel {

    private final JavaMailSender mailSender;
    private final String from;

    SmtpEmailChannel(JavaMailSender mailSender, MessagingProperties properties) {
        this.mailSender = mailSender;
        this.from = properties.email().from();
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
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
}
