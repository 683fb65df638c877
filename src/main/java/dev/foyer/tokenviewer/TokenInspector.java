package dev.foyer.tokenviewer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tokenviewer.Inspection.Claim;
import dev.foyer.tokenviewer.Inspection.Signature;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes a token and judges its signature. The key comes only from the tenant its issuer names:
 * the token's own {@code jwk}, {@code jku}, {@code x5u} or {@code x5c} headers are never used, or
 * anyone could sign a token with a key of their own and have it "verified".
 */
@Component
class TokenInspector {

    /** Far above any ID token Foyer issues; anything longer is not worth parsing. */
    static final int MAX_LENGTH = 16 * 1024;
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final IssuerLookup issuers;
    private final SigningKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    TokenInspector(IssuerLookup issuers, SigningKeys keys, JsonMapper json, Clock clock) {
        this.issuers = issuers;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    Inspection inspect(String token) {
        if (token == null || token.isBlank()) {
            return new Inspection.Unreadable("There is no token to decode: paste an ID token (three parts separated"
                    + " by dots).");
        }
        if (token.length() > MAX_LENGTH) {
            return new Inspection.Unreadable("The token is longer than " + MAX_LENGTH + " characters.");
        }
        JWT jwt;
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            jwt = JWTParser.parse(token.strip());
            if (jwt instanceof EncryptedJWT) {
                return new Inspection.Unreadable("The token is encrypted (JWE); only signed tokens can be decoded.");
            }
            header = json.readValue(jwt.getParsedParts()[0].decodeToString(), JSON_OBJECT);
            claims = json.readValue(jwt.getParsedParts()[1].decodeToString(), JSON_OBJECT);
        } catch (ParseException | JacksonException | IllegalArgumentException e) {
            return new Inspection.Unreadable("This is not a JWT: a token is three base64url-encoded parts separated"
                    + " by dots — a JSON header, a JSON payload and a signature.");
        }
        Optional<IssuerLookup.Issuer> issuer = claims.get("iss") instanceof String iss ? issuers.find(iss)
                : Optional.empty();
        return new Inspection.Decoded(json.writerWithDefaultPrettyPrinter().writeValueAsString(header),
                claimLines(claims, issuer), signature(jwt, claims.get("iss"), issuer), validity(claims));
    }

    private Signature signature(JWT jwt, Object iss, Optional<IssuerLookup.Issuer> issuer) {
        if (jwt instanceof PlainJWT) {
            return Signature.notVerified("the token is not signed (alg none).");
        }
        if (!(iss instanceof String issText) || issText.isBlank()) {
            return Signature.notVerified("the token names no issuer (iss), so there is no key to check it with.");
        }
        if (issuer.isEmpty()) {
            return Signature.notVerified("not issued by this server — " + issText + " is none of its tenants' user"
                    + " flow issuers.");
        }
        JWSHeader header = ((SignedJWT) jwt).getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return Signature.notVerified("it is signed with " + header.getAlgorithm() + "; this server signs with"
                    + " RS256 only.");
        }
        String kid = header.getKeyID();
        String tenant = issuer.get().tenant().name();
        if (kid == null || kid.isBlank()) {
            return Signature.notVerified("its header names no key (kid).");
        }
        Optional<RSAKey> key = TenantContext.call(issuer.get().tenant(), () -> keys.findPublished(kid));
        if (key.isEmpty()) {
            return Signature.notVerified("tenant " + tenant + " publishes no key with kid " + kid + ".");
        }
        if (!verifies((SignedJWT) jwt, key.get())) {
            return Signature.notVerified("the signature does not match tenant " + tenant + "'s key " + kid
                    + ": the token was changed after signing, or signed with another key.");
        }
        return Signature.verified("with key " + kid + " of " + issuer.get().describe() + ".");
    }

    private static boolean verifies(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    private Optional<String> validity(Map<String, Object> claims) {
        Optional<Instant> expiry = ClaimDescriptions.instant(claims.get("exp"));
        Instant now = clock.instant();
        Optional<String> notYet = ClaimDescriptions.instant(claims.get("nbf")).filter(now::isBefore)
                .map(nbf -> " It is not valid before " + nbf + ".");
        return expiry.map(exp -> (now.isBefore(exp) ? "Valid until " + exp + "." : "The token expired at " + exp + ".")
                + notYet.orElse(""));
    }

    private List<Claim> claimLines(Map<String, Object> claims, Optional<IssuerLookup.Issuer> issuer) {
        String issuerWords = issuer.map(i -> i.describe() + ", on this server")
                .orElse(String.valueOf(claims.get("iss")) + " — not this server");
        List<Claim> lines = new ArrayList<>();
        claims.forEach((name, value) -> lines.add(new Claim(name, valueText(name, value),
                ClaimDescriptions.describe(name, value, issuerWords))));
        return lines;
    }

    private String valueText(String name, Object value) {
        if (value instanceof List<?> list && list.stream().noneMatch(v -> v instanceof Map || v instanceof List)) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Map || value instanceof List) {
            return json.writeValueAsString(value);
        }
        String iso = ClaimDescriptions.TIMES.contains(name) ? ClaimDescriptions.isoTime(value) : "";
        return iso.isEmpty() ? String.valueOf(value) : value + " (" + iso + ")";
    }
}
