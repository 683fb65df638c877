package dev.foyer.oidc;

import dev.foyer.directory.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A changed password revokes every grant of its user: refresh tokens stop working at once and
 * access tokens are refused at userinfo. Runs in the transaction that changed the password.
 */
@Component
class PasswordChangeRevocation {

    static final String REASON = "password_changed";

    private final Grants grants;

    PasswordChangeRevocation(Grants grants) {
        this.grants = grants;
    }

    @EventListener
    void on(PasswordChanged changed) {
        grants.revokeAllOf(changed.objectId(), REASON, changed.changedAt());
    }
}
