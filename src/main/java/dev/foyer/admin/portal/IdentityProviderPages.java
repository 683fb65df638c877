package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.ConflictException;
import dev.foyer.admin.manage.IdentityProviderAdministration;
import dev.foyer.admin.manage.IdentityProviderAdministration.ProviderInput;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.web.ServerOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A tenant's identity providers: the list, adding one (first the kind, then its fields), a
 * provider's page with the redirect URI to register at the provider, saving it (an empty secret
 * keeps the stored one) and deleting it (refused while a user flow lists it).
 */
@Controller
class IdentityProviderPages {

    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        for (ProviderKind kind : ProviderKind.values()) {
            KINDS.put(kind.name(), IdentityProviderAdministration.label(kind));
        }
    }

    private final PortalTenants tenants;
    private final IdentityProviderAdministration providers;
    private final ServerOrigins origins;

    IdentityProviderPages(PortalTenants tenants, IdentityProviderAdministration providers, ServerOrigins origins) {
        this.tenants = tenants;
        this.providers = providers;
        this.origins = origins;
    }

    /** The list; with {@code kind}, also the form that adds a provider of that kind. */
    @GetMapping("/admin/tenants/{tenant}/identityProviders")
    String list(@PathVariable String tenant, @RequestParam(required = false) String kind, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        ProviderKind chosen = kindOf(kind);
        if (kind != null && chosen == null) {
            response.setStatus(400);
            model.addAttribute("pageError", "Choose one of the kinds listed.");
        }
        return listPage(t, chosen, chosen == null ? Map.of() : IdentityProviderForm.blank(chosen), Map.of(), model,
                request);
    }

    @PostMapping("/admin/tenants/{tenant}/identityProviders")
    String create(@PathVariable String tenant, @RequestParam Map<String, String> form,
                  @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        ProviderKind kind = kindOf(form.get("kind"));
        if (kind == null) {
            response.setStatus(400);
            model.addAttribute("pageError", "Choose one of the kinds listed.");
            return listPage(t, null, Map.of(), Map.of(), model, request);
        }
        try {
            IdentityProvider created = TenantContext.call(t, () -> providers.create(
                    IdentityProviderForm.input(kind, form, null), caller));
            return "redirect:/admin/tenants/" + t.name() + "/identityProviders/" + created.name() + "?created";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return listPage(t, kind, withoutSecret(form), IdentityProviderForm.fieldsOf(e.fieldErrors()), model,
                    request);
        } catch (ConflictException e) {
            response.setStatus(409);
            return listPage(t, kind, withoutSecret(form), Map.of("name", e.getMessage()), model, request);
        }
    }

    @GetMapping("/admin/tenants/{tenant}/identityProviders/{name}")
    String provider(@PathVariable String tenant, @PathVariable String name, Model model, HttpServletRequest request) {
        Tenant t = tenants.get(tenant);
        IdentityProvider provider = find(t, name);
        return providerPage(t, provider, IdentityProviderForm.of(provider), Map.of(), model, request);
    }

    @PostMapping("/admin/tenants/{tenant}/identityProviders/{name}")
    String save(@PathVariable String tenant, @PathVariable String name, @RequestParam Map<String, String> form,
                @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        IdentityProvider current = find(t, name);
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("name", current.name());
        fields.put("kind", current.kind().name());
        try {
            TenantContext.call(t, () -> providers.replace(current.id().toString(), IdentityProviderForm.input(
                    current.kind(), fields, ProviderInput.of(current)), caller));
            return "redirect:/admin/tenants/" + t.name() + "/identityProviders/" + current.name() + "?saved";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("pageError", "Nothing was saved. Correct the highlighted fields and save again.");
            return providerPage(t, current, withoutSecret(fields), IdentityProviderForm.fieldsOf(e.fieldErrors()),
                    model, request);
        }
    }

    @PostMapping("/admin/tenants/{tenant}/identityProviders/{name}/delete")
    String delete(@PathVariable String tenant, @PathVariable String name,
                  @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        IdentityProvider current = find(t, name);
        try {
            TenantContext.run(t, () -> providers.delete(current.id().toString(), caller));
            return "redirect:/admin/tenants/" + t.name() + "/identityProviders?deleted";
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("pageError", e.getMessage());
            return providerPage(t, current, IdentityProviderForm.of(current), Map.of(), model, request);
        }
    }

    private String listPage(Tenant t, ProviderKind kind, Map<String, String> form, Map<String, String> errors,
                            Model model, HttpServletRequest request) {
        model.addAttribute("tenant", t);
        model.addAttribute("providers", TenantContext.call(t, () -> providers.list(null)));
        model.addAttribute("kinds", KINDS);
        describeForm(kind, form, errors, model);
        model.addAttribute("redirectUri", TenantContext.call(t,
                () -> IdentityProviderAdministration.redirectUri(origins.of(request))));
        return "admin/identity-providers";
    }

    private String providerPage(Tenant t, IdentityProvider provider, Map<String, String> form,
                                Map<String, String> errors, Model model, HttpServletRequest request) {
        model.addAttribute("tenant", t);
        model.addAttribute("provider", provider);
        model.addAttribute("usedBy", TenantContext.call(t, () -> providers.flowsListing(provider.name())));
        describeForm(provider.kind(), form, errors, model);
        model.addAttribute("redirectUri", TenantContext.call(t,
                () -> IdentityProviderAdministration.redirectUri(origins.of(request))));
        return "admin/identity-provider";
    }

    private static void describeForm(ProviderKind kind, Map<String, String> form, Map<String, String> errors,
                                     Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("kindLabel", kind == null ? null : IdentityProviderAdministration.label(kind));
        model.addAttribute("generic", kind != null && !kind.isPreset());
        model.addAttribute("oauth2", kind == ProviderKind.OAUTH2);
        model.addAttribute("form", form);
        model.addAttribute("mapped", IdentityProviderForm.MAPPED);
        model.addAttribute("errors", errors);
    }

    private IdentityProvider find(Tenant t, String name) {
        try {
            return TenantContext.call(t, () -> providers.get(name, null));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such identity provider");
        }
    }

    /** A secret typed into a form that failed is not sent back into the page. */
    private static Map<String, String> withoutSecret(Map<String, String> form) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put("clientSecret", "");
        copy.remove("csrf_token");
        return copy;
    }

    private static ProviderKind kindOf(String raw) {
        return raw == null ? null : Arrays.stream(ProviderKind.values()).filter(k -> k.name().equals(raw))
                .findFirst().orElse(null);
    }
}
