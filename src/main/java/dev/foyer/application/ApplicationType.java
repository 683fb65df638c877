package dev.foyer.application;

/** The platform an application runs on, which decides whether it can keep a secret. */
public enum ApplicationType {
    /** Server-side web application: a confidential client with client secrets. */
    WEB,
    /** Single-page application: a public client, PKCE required. */
    SPA,
    /** Mobile or desktop application: a public client, PKCE required, may use a custom scheme. */
    NATIVE;

    public boolean isConfidential() {
        return this == WEB;
    }
}
