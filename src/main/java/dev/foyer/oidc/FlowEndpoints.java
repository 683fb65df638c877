package dev.foyer.oidc;

import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlowRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Finds the flow a protocol request addresses — by path segment or B2C's {@code ?p=} form, in any
 * casing — and the origin it is served under: the configured public base URL when set (production:
 * it fixes the issuer), otherwise the request's own scheme, host and port.
 */
@Component
class FlowEndpoints {

    private final UserFlowRepository flows;
    private final String publicBaseUrl;

    FlowEndpoints(UserFlowRepository flows, @Value("${foyer.public-base-url:}") String publicBaseUrl) {
        this.flows = flows;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    Optional<FlowEndpoint> resolve(String policy, HttpServletRequest request) {
        if (policy == null || policy.isBlank() || policy.length() > 64 || TenantContext.find().isEmpty()) {
            return Optional.empty();
        }
        return flows.findByName(policy).map(flow -> new FlowEndpoint(origin(request), TenantContext.current(), flow));
    }

    String origin(HttpServletRequest request) {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).replaceQuery(null)
                .build().toUriString();
    }
}
