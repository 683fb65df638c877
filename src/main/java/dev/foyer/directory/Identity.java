package dev.foyer.directory;

import java.util.Objects;

/**
 * One way a user signs in. Local accounts use {@link #EMAIL_ADDRESS} with the tenant name as
 * issuer and the normalised email as issuer-assigned id; federated ones carry the upstream issuer
 * and subject. Within a tenant an identity belongs to at most one user.
 */
public record Identity(String signInType, String issuer, String issuerAssignedId) {

    public static final String EMAIL_ADDRESS = "emailAddress";
    /** B2C's sign-in type for social and enterprise identities: issuer + the provider's subject. */
    public static final String FEDERATED = "federated";

    public Identity {
        Objects.requireNonNull(signInType, "signInType");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerAssignedId, "issuerAssignedId");
    }

    public static Identity emailAddress(String tenantName, EmailAddress email) {
        return new Identity(EMAIL_ADDRESS, tenantName, email.value());
    }

    /** A federated identity: the upstream issuer (e.g. {@code google.com}) and its subject for the user. */
    public static Identity federated(String issuer, String subject) {
        return new Identity(FEDERATED, issuer, subject);
    }

    public boolean isFederated() {
        return FEDERATED.equals(signInType);
    }

    public boolean isEmailAddress() {
        return EMAIL_ADDRESS.equals(signInType);
    }
}
