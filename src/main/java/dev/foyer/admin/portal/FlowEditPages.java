package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.FlowAdministration;
import dev.foyer.admin.manage.IdentityProviderAdministration;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.ConcurrentFlowChangeException;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tabs of a flow that change it — Identity providers, Properties, User attributes, Application
 * claims. Each save
 * names the version the form was read at: a success redirects to the tab with a message, a bad
 * value comes back next to its field, and a flow changed meanwhile saves nothing.
 */
@Controller
class FlowEditPages {

    static final String STALE = "This user flow was changed by someone else since you opened this page;"
            + " nothing was saved. Reload the page to see the changes, then save again.";
    static final String INVALID = "Nothing was saved. Correct the highlighted fields and save again.";

    static final Map<String, String> ATTRIBUTE_LABELS = Map.of("legend", "Collect attribute (asked on the sign-up page)",
            "displayName", "Display Name", "givenName", "Given Name", "surname", "Surname");
    static final Map<String, String> CLAIM_LABELS = Map.of("legend", "Return claim (in the ID token)",
            "emails", "Email Addresses", "email", "Email Address", "name", "Display Name", "given_name", "Given Name",
            "family_name", "Surname", "oid", "User's Object ID", "tid", "Tenant ID", "idp", "Identity Provider",
            "newUser", "User is new");

    private final PortalFlows portalFlows;
    private final FlowAdministration flows;
    private final IdentityProviderAdministration providers;

    FlowEditPages(PortalFlows portalFlows, FlowAdministration flows, IdentityProviderAdministration providers) {
        this.portalFlows = portalFlows;
        this.flows = flows;
        this.providers = providers;
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}/identityProviders")
    String identityProviders(@PathVariable String tenant, @PathVariable String flow, Model model) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "identityProviders", model);
        providerChoices(target, target.flow().definition().identityProviders(), model);
        model.addAttribute("version", String.valueOf(target.flow().version()));
        model.addAttribute("errors", Map.of());
        return "admin/flow-identity-providers";
    }

    @PostMapping("/admin/tenants/{tenant}/userFlows/{flow}/identityProviders")
    String saveIdentityProviders(@PathVariable String tenant, @PathVariable String flow,
                                 @RequestParam(required = false) String version,
                                 @RequestParam(name = "providers", required = false) List<String> chosen,
                                 @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                                 HttpServletResponse response) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "identityProviders", model);
        List<String> names = chosen == null ? List.of() : chosen;
        providerChoices(target, names, model);
        UserFlowDefinition d = target.flow().definition();
        return save(target, version, new UserFlowDefinition(names, d.signUpAttributes(), d.applicationClaims(),
                d.properties()), new LinkedHashMap<>(), "identityProviders", caller, model, response);
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}/properties")
    String properties(@PathVariable String tenant, @PathVariable String flow, Model model) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "properties", model);
        model.addAttribute("form", PropertiesForm.of(target.flow().properties(), target.flow().version()));
        model.addAttribute("errors", Map.of());
        return "admin/flow-properties";
    }

    @PostMapping("/admin/tenants/{tenant}/userFlows/{flow}/properties")
    String saveProperties(@PathVariable String tenant, @PathVariable String flow,
                          @ModelAttribute("form") PropertiesForm form,
                          @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                          HttpServletResponse response) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "properties", model);
        Map<String, String> errors = new LinkedHashMap<>();
        UserFlowProperties properties = form.toProperties(target.flow().properties(), errors);
        return save(target, form.version(), properties == null ? null
                : target.flow().definition().withProperties(properties), errors, "properties", caller, model, response);
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}/userAttributes")
    String attributes(@PathVariable String tenant, @PathVariable String flow, Model model) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "userAttributes", model);
        choices(target.flow(), FlowAdministration.BUILT_IN_ATTRIBUTES, target.flow().definition().signUpAttributes(),
                null, Map.of(), model);
        return "admin/flow-attributes";
    }

    @PostMapping("/admin/tenants/{tenant}/userFlows/{flow}/userAttributes")
    String saveAttributes(@PathVariable String tenant, @PathVariable String flow,
                          @RequestParam(required = false) String version,
                          @RequestParam(name = "attributes", required = false) List<String> attributes,
                          @RequestParam(required = false) String newAttribute,
                          @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                          HttpServletResponse response) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "userAttributes", model);
        List<String> chosen = withNew(attributes, newAttribute);
        UserFlowDefinition d = target.flow().definition();
        return saveChoices(target, version, new UserFlowDefinition(d.identityProviders(), chosen,
                d.applicationClaims(), d.properties()), FlowAdministration.BUILT_IN_ATTRIBUTES, attributes, newAttribute,
                "userAttributes", caller, model, response);
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/{flow}/applicationClaims")
    String claims(@PathVariable String tenant, @PathVariable String flow, Model model) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "applicationClaims", model);
        choices(target.flow(), FlowAdministration.BUILT_IN_CLAIMS, target.flow().definition().applicationClaims(),
                null, Map.of(), model);
        return "admin/flow-claims";
    }

    @PostMapping("/admin/tenants/{tenant}/userFlows/{flow}/applicationClaims")
    String saveClaims(@PathVariable String tenant, @PathVariable String flow,
                      @RequestParam(required = false) String version,
                      @RequestParam(name = "claims", required = false) List<String> claims,
                      @RequestParam(required = false) String newClaim,
                      @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                      HttpServletResponse response) {
        PortalFlows.Target target = portalFlows.get(tenant, flow);
        PortalFlows.describe(target, "applicationClaims", model);
        List<String> chosen = withNew(claims, newClaim);
        UserFlowDefinition d = target.flow().definition();
        return saveChoices(target, version, new UserFlowDefinition(d.identityProviders(), d.signUpAttributes(),
                chosen, d.properties()), FlowAdministration.BUILT_IN_CLAIMS, claims, newClaim, "applicationClaims",
                caller, model, response);
    }

    private String saveChoices(PortalFlows.Target target, String version, UserFlowDefinition definition,
                               List<String> builtIn, List<String> checked, String typedNew, String tab,
                               AdminCaller caller, Model model, HttpServletResponse response) {
        choices(target.flow(), builtIn, checked == null ? List.of() : checked, typedNew, Map.of(), model);
        String view = save(target, version, definition, new LinkedHashMap<>(), tab, caller, model, response);
        if (model.getAttribute("errors") instanceof Map<?, ?> errors && !errors.isEmpty()) {
            // The only names the service can refuse here are typed ones: show why under the box.
            model.addAttribute("errors", Map.of("new", errors.values().iterator().next()));
        }
        return view;
    }

    /** Saves {@code definition} (null: the form had errors, already in {@code errors}) and picks the view. */
    private String save(PortalFlows.Target target, String version, UserFlowDefinition definition,
                        Map<String, String> errors, String tab, AdminCaller caller, Model model,
                        HttpServletResponse response) {
        String view = "admin/flow-" + switch (tab) {
            case "userAttributes" -> "attributes";
            case "applicationClaims" -> "claims";
            case "identityProviders" -> "identity-providers";
            default -> tab;
        };
        model.addAttribute("version", version);
        int expected;
        try {
            expected = Integer.parseInt(version == null ? "" : version);
        } catch (NumberFormatException e) {
            expected = -1;
        }
        if (definition != null && expected >= 0) {
            int expectedVersion = expected;
            try {
                UserFlow saved = TenantContext.call(target.tenant(), () -> flows.update(target.flow().name(),
                        expectedVersion, definition, caller));
                return "redirect:/admin/tenants/" + target.tenant().name() + "/userFlows/" + saved.name() + "/" + tab
                        + "?saved";
            } catch (InvalidInputException e) {
                errors.putAll(PropertiesForm.fieldsOf(e.fieldErrors()));
            } catch (ConcurrentFlowChangeException e) {
                response.setStatus(409);
                model.addAttribute("pageError", STALE);
                model.addAttribute("errors", errors);
                return view;
            }
        } else if (expected < 0) {
            response.setStatus(409);
            model.addAttribute("pageError", STALE);
            model.addAttribute("errors", errors);
            return view;
        }
        response.setStatus(400);
        model.addAttribute("pageError", INVALID);
        model.addAttribute("errors", errors);
        return view;
    }

    /** Checkboxes: the built-in names, then custom ({@code extension_}) names in use or chosen. */
    private static void choices(UserFlow flow, List<String> builtIn, List<String> chosen, String typedNew,
                                Map<String, String> errors, Model model) {
        List<String> all = new ArrayList<>(builtIn);
        Function<List<String>, List<String>> customs = names -> names.stream()
                .filter(n -> !builtIn.contains(n) && n.startsWith("extension_")).toList();
        customs.apply(flow.definition().signUpAttributes()).stream().filter(n -> !all.contains(n)).forEach(all::add);
        customs.apply(flow.definition().applicationClaims()).stream().filter(n -> !all.contains(n)).forEach(all::add);
        customs.apply(chosen).stream().filter(n -> !all.contains(n)).forEach(all::add);
        model.addAttribute("names", all);
        model.addAttribute("labels", builtIn == FlowAdministration.BUILT_IN_CLAIMS ? CLAIM_LABELS : ATTRIBUTE_LABELS);
        model.addAttribute("chosen", chosen);
        model.addAttribute("typedNew", typedNew);
        model.addAttribute("version", String.valueOf(flow.version()));
        model.addAttribute("errors", errors);
    }

    /** Checkboxes: LocalAccount, the tenant's providers, and any chosen name the tenant no longer has. */
    private void providerChoices(PortalFlows.Target target, List<String> chosen, Model model) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(UserFlowDefinition.LOCAL_ACCOUNT, "Email signup (local account)");
        TenantContext.run(target.tenant(), () -> providers.list(null).forEach(p -> labels.put(p.name(),
                p.displayName() + " (" + IdentityProviderAdministration.label(p.kind()) + ")"
                        + (p.enabled() ? "" : ", disabled"))));
        chosen.forEach(name -> labels.putIfAbsent(name, name));
        model.addAttribute("providerLabels", labels);
        model.addAttribute("chosen", chosen);
    }

    private static List<String> withNew(List<String> chosen, String typedNew) {
        List<String> all = new ArrayList<>(chosen == null ? List.of() : chosen);
        if (typedNew != null && !typedNew.isBlank() && !all.contains(typedNew.strip())) {
            all.add(typedNew.strip());
        }
        return all;
    }
}
