package dev.foyer.admin.portal;

import dev.foyer.admin.manage.IdentityProviderAdministration;
import dev.foyer.admin.manage.IdentityProviderAdministration.ProviderInput;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's identity provider form as flat text fields: the scopes space-separated, the claim
 * mapping one field per attribute ({@code claim_userId}...). A preset shows only its credentials and
 * domain hint; the rest keeps what is stored (or the preset's defaults).
 */
final class IdentityProviderForm {

    static final List<String> MAPPED = List.of("userId", "email", "emailVerified", "displayName", "givenName",
            "surname");

    private IdentityProviderForm() {
    }

    /** The fields of a stored provider, the secret left empty (empty keeps it). */
    static Map<String, String> of(IdentityProvider p) {
        Map<String, String> form = new LinkedHashMap<>();
        var s = p.settings();
        form.put("name", p.name());
        form.put("kind", p.kind().name());
        form.put("displayName", p.displayName());
        form.put("clientId", p.clientId());
        form.put("clientSecret", "");
        form.put("enabled", p.enabled() ? "on" : "");
        form.put("metadataUrl", text(s.metadataUrl()));
        form.put("authorizationUrl", text(s.authorizationUrl()));
        form.put("tokenUrl", text(s.tokenUrl()));
        form.put("userInfoUrl", text(s.userInfoUrl()));
        form.put("issuer", text(s.issuer()));
        form.put("scopes", s.scopes() == null ? "" : String.join(" ", s.scopes()));
        for (String attribute : MAPPED) {
            form.put("claim_" + attribute, s.claimMapping() == null ? "" : text(s.claimMapping().get(attribute)));
        }
        form.put("domainHint", text(s.domainHint()));
        form.put("responseMode", text(s.responseMode()));
        return form;
    }

    /** A new provider's empty form: enabled, named after the preset. */
    static Map<String, String> blank(ProviderKind kind) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind.name());
        form.put("name", kind.isPreset() ? IdentityProviderAdministration.label(kind) : "");
        form.put("enabled", "on");
        return form;
    }

    /**
     * The input for {@code kind} from the posted {@code form}; for a preset, the settings not on the
     * form come from {@code stored} (null for a new provider).
     */
    static ProviderInput input(ProviderKind kind, Map<String, String> form, ProviderInput stored) {
        boolean shown = !kind.isPreset();
        ProviderInput base = stored != null ? stored : new ProviderInput(null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String attribute : MAPPED) {
            String claim = form.get("claim_" + attribute);
            if (claim != null && !claim.isBlank()) {
                mapping.put(attribute, claim.strip());
            }
        }
        String scopes = form.get("scopes");
        return new ProviderInput(form.get("name"), kind.name(), form.get("displayName"), form.get("clientId"),
                form.get("clientSecret"), form.containsKey("enabled"),
                shown ? form.get("metadataUrl") : base.metadataUrl(),
                shown ? form.get("authorizationUrl") : base.authorizationUrl(),
                shown ? form.get("tokenUrl") : base.tokenUrl(),
                shown ? form.get("userInfoUrl") : base.userInfoUrl(),
                shown ? form.get("issuer") : base.issuer(),
                shown ? (scopes == null || scopes.isBlank() ? null
                        : Arrays.stream(scopes.strip().split("\\s+")).toList()) : base.scopes(),
                shown ? (mapping.isEmpty() ? null : mapping) : base.claimMapping(),
                form.get("domainHint"),
                shown ? form.get("responseMode") : base.responseMode());
    }

    /** Service error keys as the form's field ids. */
    static Map<String, String> fieldsOf(Map<String, String> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach((key, message) -> fields.put(key.startsWith("claimMapping") ? "claimMapping" : key, message));
        return fields;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
