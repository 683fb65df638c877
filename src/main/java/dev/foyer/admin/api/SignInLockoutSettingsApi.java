package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.admin.manage.LockoutAdministration;
import dev.foyer.admin.manage.LockoutAdministration.LockoutInput;
import dev.foyer.lockout.LockoutSettings;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /tenants/{tenant}/settings/signInLockout}: the tenant's smart lockout (threshold, first and
 * longest lockout) and per-address throttle of failed sign-ins. PUT replaces them; a field left
 * out takes the server's default. Unknown fields and values that are not whole numbers are refused
 * rather than guessed at, and a bad value is a 400 that changes nothing.
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/settings/" + LockoutSettings.SETTING)
class SignInLockoutSettingsApi {

    private static final List<String> FIELDS =
            List.of("threshold", "lockoutSeconds", "maxLockoutSeconds", "failuresPerIp", "ipWindowSeconds");

    private final LockoutAdministration lockout;
    private final TenantScope scope;

    SignInLockoutSettingsApi(LockoutAdministration lockout, TenantScope scope) {
        this.lockout = lockout;
        this.scope = scope;
    }

    /** The body of a PUT, as described in the OpenAPI document. */
    record LockoutBody(Integer threshold, Integer lockoutSeconds, Integer maxLockoutSeconds, Integer failuresPerIp,
                       Integer ipWindowSeconds) {
    }

    @GetMapping
    LockoutSettings get(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> lockout.get(caller));
    }

    @PutMapping
    LockoutSettings replace(@PathVariable String tenant,
                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                    schema = @Schema(implementation = LockoutBody.class)))
                            @RequestBody JsonNode body,
                            @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        LockoutInput input = input(body);
        return scope.call(tenant, caller, () -> lockout.replace(input, caller));
    }

    private static LockoutInput input(JsonNode body) {
        if (!body.isObject()) {
            throw InvalidInputException.of("body", "The request body must be a JSON object.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        for (String field : body.propertyNames()) {
            JsonNode value = body.get(field);
            if (!FIELDS.contains(field)) {
                errors.put(field, "Unknown field.");
            } else if (value.isNull()) {
                values.put(field, null);
            } else if (value.isIntegralNumber() && value.canConvertToInt()) {
                values.put(field, value.intValue());
            } else {
                errors.put(field, "A whole number.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LockoutInput(values.get("threshold"), values.get("lockoutSeconds"), values.get("maxLockoutSeconds"),
                values.get("failuresPerIp"), values.get("ipWindowSeconds"));
    }
}
