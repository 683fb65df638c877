package com.contoso.insurance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Auto Insurance lets in anyone its own sign-in (through {@code B2C_1_susi}) let in. Home
 * Insurance wants its own sign-in (through {@code B2C_1_susi_mfa}) and checks that the ID token's
 * {@code amr} says {@code mfa}. A user already signed in to Auto meets no password on the way to
 * Home — Foyer's session has it — only the phone.
 */
@Controller
class InsuranceController {

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @GetMapping("/")
    String index(HttpServletRequest request, Model model) {
        model.addAttribute("auto", SecurityConfiguration.user(request.getSession(false), "auto"));
        model.addAttribute("home", SecurityConfiguration.user(request.getSession(false), "home"));
        return "insurance/index";
    }

    @GetMapping("/auto")
    String auto(HttpServletRequest request, HttpServletResponse response, Model model) {
        OidcUser user = SecurityConfiguration.user(request.getSession(false), "auto");
        if (user == null) {
            return signIn("auto", request, response);
        }
        model.addAttribute("user", user);
        return "insurance/auto";
    }

    @GetMapping("/home")
    String home(HttpServletRequest request, HttpServletResponse response, Model model) {
        OidcUser user = SecurityConfiguration.user(request.getSession(false), "home");
        if (user == null || !hasMfa(user)) {
            return signIn("home", request, response);
        }
        model.addAttribute("user", user);
        return "insurance/home";
    }

    private String signIn(String app, HttpServletRequest request, HttpServletResponse response) {
        requestCache.saveRequest(request, response);
        return "redirect:/oauth2/authorization/" + app;
    }

    static boolean hasMfa(OidcUser user) {
        List<String> amr = user.getIdToken().getClaimAsStringList("amr");
        return amr != null && amr.contains("mfa");
    }
}
