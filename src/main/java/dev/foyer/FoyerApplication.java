package dev.foyer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;

/**
 * The server. Boot's mail sender is left out: it exists only when {@code spring.mail.host} is set,
 * a condition a build processed ahead of time (Spring AOT) would fix at build time; the SMTP
 * channel makes its own sender from the same properties when it starts.
 */
@SpringBootApplication(exclude = MailSenderAutoConfiguration.class)
public class FoyerApplication {
    public static void main(String[] args) {
        SpringApplication.run(FoyerApplication.class, args);
    }
}
