package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.AttributeAdministration;
import dev.foyer.admin.manage.AttributeAdministration.CustomAttribute;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /tenants/{tenant}/userAttributes}: custom user attributes, named {@code extension_<name>} in use. */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/userAttributes")
class UserAttributesApi {

    private final AttributeAdministration attributes;
    private final TenantScope scope;

    UserAttributesApi(AttributeAdministration attributes, TenantScope scope) {
        this.attributes = attributes;
        this.scope = scope;
    }

    record AttributeView(String name, String extensionName, String dataType, String description, Instant createdAt) {
        static AttributeView of(CustomAttribute a) {
            return new AttributeView(a.name(), a.extensionName(), a.dataType().id(), a.description(), a.createdAt());
        }
    }

    record AttributeBody(String name, String dataType, String description) implements JsonRequestBody {
    }

    @GetMapping
    List<AttributeView> list(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> attributes.list(caller).stream().map(AttributeView::of).toList());
    }

    @PostMapping
    ResponseEntity<AttributeView> create(@PathVariable String tenant, @RequestBody AttributeBody body,
                                         @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        CustomAttribute created = scope.call(tenant, caller,
                () -> attributes.create(body.name(), body.dataType(), body.description(), caller));
        return ResponseEntity.created(URI.create("/admin/api/v1/tenants/" + tenant + "/userAttributes/"
                + created.name())).body(AttributeView.of(created));
    }

    @GetMapping("/{name}")
    AttributeView get(@PathVariable String tenant, @PathVariable String name,
                      @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> AttributeView.of(attributes.get(name, caller)));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String name,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> attributes.delete(name, caller));
        return ResponseEntity.noContent().build();
    }
}
