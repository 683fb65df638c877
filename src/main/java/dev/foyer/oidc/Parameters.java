package dev.foyer.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Request parameters as single values. RFC 6749 forbids repeating a protocol parameter; a request
 * that does is refused rather than guessing which value was meant.
 */
final class Parameters {

    static final Set<String> PROTOCOL = Set.of("client_id", "redirect_uri", "response_type", "response_mode", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method", "prompt", "max_age", "login_hint",
            "acr_values", "ui_locales", "domain_hint", "p", "grant_type", "code", "code_verifier", "refresh_token",
            "client_secret", "id_token_hint", "post_logout_redirect_uri");

    private Parameters() {
    }

    /** The first repeated protocol parameter, if any. */
    static Optional<String> repeated(MultiValueMap<String, String> params) {
        return params.entrySet().stream()
                .filter(e -> PROTOCOL.contains(e.getKey()) && e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    static Map<String, String> single(MultiValueMap<String, String> params) {
        Map<String, String> single = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            List<String> list = values == null ? List.of() : values;
            single.put(name, list.isEmpty() ? "" : list.get(0));
        });
        return single;
    }
}
