package dev.foyer.directory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What sign-up collects. The password is plaintext here and hashed by {@link Accounts#signUp}. */
public record NewUser(EmailAddress email, String password, String displayName, String givenName,
                      String surname, Map<String, Object> extensions) {

    public NewUser {
        Objects.requireNonNull(email, "email");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("Please enter a password.");
        }
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", password=****, displayName=" + displayName
                + ", givenName=" + givenName + ", surname=" + surname + ", extensions=" + extensions + "]";
    }
}
