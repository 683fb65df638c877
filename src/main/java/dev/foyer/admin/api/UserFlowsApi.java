package dev.foyer.admin.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.FlowAdministration;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /tenants/{tenant}/userFlows}: create by type, read (with an ETag), change the definition
 * (PUT replaces it, PATCH merges; both need If-Match), the simple MFA switch, delete.
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/userFlows")
class UserFlowsApi {

    private final FlowAdministration flows;
    private final TenantScope scope;

    UserFlowsApi(FlowAdministration flows, TenantScope scope) {
        this.flows = flows;
        this.scope = scope;
    }

    record FlowView(UUID id, String name, String type, int version, @JsonUnwrapped FlowDefinitionBody definition) {
        static FlowView of(UserFlow f) {
            return new FlowView(f.id(), f.name(), f.type().name(), f.version(), FlowDefinitionBody.of(f.definition()));
        }
    }

    record NewFlowBody(String name, String type) implements JsonRequestBody {
    }

    record MfaSwitchBody(Boolean enabled) implements JsonRequestBody {
    }

    @GetMapping
    List<FlowView> list(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> flows.list().stream().map(FlowView::of).toList());
    }

    @PostMapping
    ResponseEntity<FlowView> create(@PathVariable String tenant, @RequestBody NewFlowBody body,
                                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        UserFlow flow = scope.call(tenant, caller, () -> flows.create(body.name(), type(body.type()), caller));
        return ResponseEntity.created(URI.create("/admin/api/v1/tenants/" + tenant + "/userFlows/" + flow.name()))
                .eTag(FlowVersions.etag(flow)).body(FlowView.of(flow));
    }

    @GetMapping("/{name}")
    ResponseEntity<FlowView> get(@PathVariable String tenant, @PathVariable String name,
                                 @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return withEtag(scope.call(tenant, caller, () -> flows.get(name)));
    }

    /** Replaces the definition; Properties left out take B2C's defaults. */
    @PutMapping("/{name}")
    ResponseEntity<FlowView> replace(@PathVariable String tenant, @PathVariable String name,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @RequestBody FlowDefinitionBody body,
                                     @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return withEtag(scope.call(tenant, caller, () -> {
            UserFlow current = flows.get(name);
            int expected = FlowVersions.expected(ifMatch, current.name());
            requireLists(body);
            UserFlowDefinition replacement = body.applyTo(new UserFlowDefinition(List.of(), List.of(), List.of(),
                    UserFlowProperties.DEFAULTS));
            return flows.update(name, expected, replacement, caller);
        }));
    }

    /** Changes only the fields present. */
    @PatchMapping("/{name}")
    ResponseEntity<FlowView> patch(@PathVariable String tenant, @PathVariable String name,
                                   @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @RequestBody FlowDefinitionBody body,
                                   @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return withEtag(scope.call(tenant, caller, () -> {
            UserFlow current = flows.get(name);
            int expected = FlowVersions.expected(ifMatch, current.name());
            return flows.update(name, expected, body.applyTo(current.definition()), caller);
        }));
    }

    /** B2C's original single switch: on = SMS or phone call, always; off = no MFA. */
    @PutMapping("/{name}/mfa")
    ResponseEntity<FlowView> mfa(@PathVariable String tenant, @PathVariable String name,
                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                 @RequestBody MfaSwitchBody body,
                                 @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return withEtag(scope.call(tenant, caller, () -> {
            UserFlow current = flows.get(name);
            int expected = FlowVersions.expected(ifMatch, current.name());
            if (body.enabled() == null) {
                throw InvalidInputException.of("enabled", "Say true or false.");
            }
            return flows.setMfaEnabled(name, expected, body.enabled(), caller);
        }));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String name,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> flows.delete(name, caller));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<FlowView> withEtag(UserFlow flow) {
        return ResponseEntity.ok().eTag(FlowVersions.etag(flow)).body(FlowView.of(flow));
    }

    private static void requireLists(FlowDefinitionBody body) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (body.identityProviders() == null) {
            errors.put("identityProviders", "Required when replacing the definition (PATCH changes single fields).");
        }
        if (body.signUpAttributes() == null) {
            errors.put("signUpAttributes", "Required when replacing the definition (PATCH changes single fields).");
        }
        if (body.applicationClaims() == null) {
            errors.put("applicationClaims", "Required when replacing the definition (PATCH changes single fields).");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static UserFlowType type(String raw) {
        try {
            return raw == null ? null : UserFlowType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", "One of " + List.of(UserFlowType.values()) + ".");
        }
    }
}
