package dev.foyer.federation;

import java.util.List;
import java.util.Map;

/**
 * The kinds of identity provider: two generic protocols and presets that fill in everything but the
 * client credentials. A preset's {@link #defaults()} are what an administrator would otherwise type.
 */
public enum ProviderKind {

    /** Any OpenID Connect provider, configured by its metadata (discovery) URL. */
    OPENID_CONNECT(Protocol.OPENID_CONNECT, new ProviderSettings(null, null, null, null, null,
            List.of("openid", "email", "profile"), ProviderSettings.OIDC_MAPPING, null, null)),
    /** Any OAuth 2.0 provider with a user-info endpoint, configured by its three URLs and a claim mapping. */
    OAUTH2(Protocol.OAUTH2, ProviderSettings.empty()),
    GOOGLE(Protocol.OPENID_CONNECT, new ProviderSettings(
            "https://accounts.google.com/.well-known/openid-configuration", null, null, null, null,
            List.of("openid", "email", "profile"), ProviderSettings.OIDC_MAPPING, "google.com", null)),
    /** Personal Microsoft accounts (Outlook, Xbox, Skype), as B2C's "Microsoft Account" provider. */
    MICROSOFT(Protocol.OPENID_CONNECT, new ProviderSettings(
            "https://login.microsoftonline.com/consumers/v2.0/.well-known/openid-configuration", null, null, null,
            null, List.of("openid", "email", "profile"), ProviderSettings.OIDC_MAPPING, "live.com", null)),
    /** Sign in with Apple: the name arrives only on first consent, posted with the code (form_post). */
    APPLE(Protocol.OPENID_CONNECT, new ProviderSettings(
            "https://appleid.apple.com/.well-known/openid-configuration", null, null, null, null,
            List.of("openid", "email", "name"), ProviderSettings.OIDC_MAPPING, "apple.com", "form_post")),
    FACEBOOK(Protocol.OAUTH2, new ProviderSettings(null,
            "https://www.facebook.com/v19.0/dialog/oauth",
            "https://graph.facebook.com/v19.0/oauth/access_token",
            "https://graph.facebook.com/v19.0/me?fields=id,name,first_name,last_name,email",
            "facebook.com", List.of("email", "public_profile"),
            Map.of("userId", "id", "email", "email", "displayName", "name", "givenName", "first_name",
                    "surname", "last_name"),
            "facebook.com", null)),
    GITHUB(Protocol.OAUTH2, new ProviderSettings(null,
            "https://github.com/login/oauth/authorize",
            "https://github.com/login/oauth/access_token",
            "https://api.github.com/user",
            "github.com", List.of("read:user", "user:email"),
            Map.of("userId", "id", "email", "email", "displayName", "name"),
            "github.com", null));

    /** How Foyer talks to the provider; one connector per protocol. */
    public enum Protocol { OPENID_CONNECT, OAUTH2 }

    private final Protocol protocol;
    private final ProviderSettings defaults;

    ProviderKind(Protocol protocol, ProviderSettings defaults) {
        this.protocol = protocol;
        this.defaults = defaults;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** What the preset fills in; empty for the generic kinds. */
    public ProviderSettings defaults() {
        return defaults;
    }

    public boolean isPreset() {
        return this != OPENID_CONNECT && this != OAUTH2;
    }
}
