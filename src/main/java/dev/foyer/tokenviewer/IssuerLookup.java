package dev.foyer.tokenviewer;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowRepository;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the tenant (and flow) an issuer of this server names. Issuers come in two shapes:
 * {@code {origin}/{tenant}/{policy}/v2.0} per flow, and B2C's tenant-wide
 * {@code {origin}/{tenantId}/v2.0/}. Only the path is read: the same server answers under several
 * origins, and the signature, checked against the tenant's own keys, is what proves the issuer.
 */
@Component
class IssuerLookup {

    private static final String VERSION = "v2.0";
    private static final int MAX_SEGMENT = 64;

    private final TenantRepository tenants;
    private final UserFlowRepository flows;

    IssuerLookup(TenantRepository tenants, UserFlowRepository flows) {
        this.tenants = tenants;
        this.flows = flows;
    }

    /** A tenant of this server, and the flow when the issuer names one. */
    record Issuer(Tenant tenant, Optional<UserFlow> flow) {

        String describe() {
            return flow.map(f -> "user flow " + f.name() + " of tenant " + tenant.name())
                    .orElse("tenant " + tenant.name() + " (tenant-wide issuer)");
        }
    }

    Optional<Issuer> find(String issuer) {
        List<String> segments = pathSegments(issuer);
        if (segments.size() < 2 || segments.size() > 3 || !segments.get(segments.size() - 1).equals(VERSION)
                || segments.stream().anyMatch(s -> s.length() > MAX_SEGMENT)) {
            return Optional.empty();
        }
        Optional<Tenant> tenant = tenants.findByNameOrId(segments.get(0));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        if (segments.size() == 2) {
            return Optional.of(new Issuer(tenant.get(), Optional.empty()));
        }
        return TenantContext.call(tenant.get(), () -> flows.findByName(segments.get(1)))
                .map(flow -> new Issuer(tenant.get(), Optional.of(flow)));
    }

    private static List<String> pathSegments(String issuer) {
        try {
            URI uri = new URI(issuer);
            if (!uri.isAbsolute() || uri.getRawPath() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                return List.of();
            }
            return Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isEmpty()).toList();
        } catch (URISyntaxException e) {
            return List.of();
        }
    }
}
