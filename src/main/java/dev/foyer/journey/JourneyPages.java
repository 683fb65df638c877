package dev.foyer.journey;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.session.SsoSessions;
import dev.foyer.tenant.TenantContext;
import dev.foyer.web.BrowserCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hosted pages: renders the journey's current step and posts its forms to the engine. Knows
 * HTTP (cookies, redirects, status codes); knows nothing of what the steps do.
 */
@Controller
class JourneyPages {

    static final String BROWSER_COOKIE = "foyer_browser";
    private static final int MAX_FIELDS = 64;
    /** Marks a callback form post that this site's own page sent again (see {@link #callback}). */
    static final String REPOSTED = "foyer_reposted";

    private final JourneyEngine engine;
    private final SsoSessions sessions;

    JourneyPages(JourneyEngine engine, SsoSessions sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    @GetMapping("/{tenant}/{policy}/journey/{id}")
    String show(@PathVariable String policy, @PathVariable String id, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        if (TenantContext.find().isEmpty()) {
            return problem(new JourneyPage.Problem(404, JourneyEngine.PAGE_EXPIRED), response, model);
        }
        String browser = browserId(request, response);
        return render(engine.show(id, browser, sessions.current(request)), policy, request, response, model);
    }

    @PostMapping("/{tenant}/{policy}/journey/{id}")
    String submit(@PathVariable String policy, @PathVariable String id,
                  @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (TenantContext.find().isEmpty()) {
            return problem(new JourneyPage.Problem(404, JourneyEngine.PAGE_EXPIRED), response, model);
        }
        if (form.size() > MAX_FIELDS) {
            return problem(new JourneyPage.Problem(400, "The form has too many fields."), response, model);
        }
        Optional<String> repeated = form.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getKey).sorted().findFirst();
        if (repeated.isPresent()) {
            // No form of Foyer sends a field twice; guessing which value was meant could press a
            // button other than the one shown, or check a value other than the one validated.
            return problem(new JourneyPage.Problem(400, "The form repeats the field "
                    + printable(repeated.get()) + "."), response, model);
        }
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        String csrf = fields.remove("csrf_token");
        String action = fields.remove("action");
        String browser = browserId(request, response);
        JourneyPage page = engine.submit(id, browser, csrf, new FormInput(action, fields), sessions.current(request),
                request.getRemoteAddr());
        return render(page, policy, request, response, model);
    }

    /**
     * Where upstream identity providers send the browser back (B2C's {@code oauth2/authresp}), by
     * redirect (query) or by form post (Apple's {@code form_post}). A cross-site form post carries
     * no SameSite=Lax cookie, so without the browser cookie it is answered with a page that posts
     * the same fields again from this site, which then carries it; nothing else is done with them.
     */
    @RequestMapping(value = "/{tenant}/oauth2/authresp", method = {RequestMethod.GET, RequestMethod.POST})
    String callback(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        if (TenantContext.find().isEmpty()) {
            return problem(new JourneyPage.Problem(404, JourneyEngine.PAGE_EXPIRED), response, model);
        }
        if (parameters.size() > MAX_FIELDS || parameters.values().stream().anyMatch(v -> v.size() > 1)) {
            return problem(new JourneyPage.Problem(400, JourneyEngine.CALLBACK_REFUSED), response, model);
        }
        Map<String, String> fields = new HashMap<>();
        parameters.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        Optional<String> browser = existingBrowserId(request);
        if (browser.isEmpty()) {
            if ("POST".equals(request.getMethod()) && !fields.containsKey(REPOSTED)) {
                fields.put(REPOSTED, "1");
                model.addAttribute("fields", new java.util.TreeMap<>(fields));
                model.addAttribute("callbackUrl", request.getRequestURI());
                model.addAttribute("tenantName", TenantContext.current().displayName());
                return "journey/callback-repost";
            }
            return problem(new JourneyPage.Problem(400, JourneyEngine.CALLBACK_REFUSED), response, model);
        }
        fields.remove(REPOSTED);
        String state = fields.remove("state");
        JourneyPage page = engine.callback(state, browser.get(), new FormInput(null, fields),
                sessions.current(request), request.getRemoteAddr());
        return render(page, "", request, response, model);
    }

    private String render(JourneyPage page, String policy, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        if (page instanceof JourneyPage.Redirect redirect) {
            Optional.ofNullable(redirect.newSession()).ifPresent(s -> sessions.writeCookie(request, response, s));
            return "redirect:" + redirect.location();
        }
        if (page instanceof JourneyPage.Problem problem) {
            return problem(problem, response, model);
        }
        View view = ((JourneyPage.Render) page).view();
        model.addAllAttributes(view.model());
        model.addAttribute("csrfToken", ((JourneyPage.Render) page).csrfToken());
        model.addAttribute("journeyUrl", request.getRequestURI());
        model.addAttribute("pageError", view.pageError());
        model.addAttribute("fieldErrors", view.fieldErrors());
        model.addAttribute("tenantName", TenantContext.current().displayName());
        model.addAttribute("policy", policy);
        return "journey/" + view.template();
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static String problem(JourneyPage.Problem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status());
        model.addAttribute("message", problem.message());
        return "journey/problem";
    }

    private static Optional<String> existingBrowserId(HttpServletRequest request) {
        return BrowserCookies.read(request, BROWSER_COOKIE, "/").filter(v -> v.length() >= 32 && v.length() <= 64);
    }

    /** A random id for this browser, set on first sight; journeys are bound to it. */
    private static String browserId(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing = existingBrowserId(request);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = OpaqueTokens.generate();
        // Lax: the first page of a journey is reached by the application's cross-site redirect.
        BrowserCookies.set(request, response, BROWSER_COOKIE, id, "/", BrowserCookies.LAX, null);
        return id;
    }
}
