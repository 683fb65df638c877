package com.contoso.bank;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The balance needs only a signed-in user. A wire transfer needs an ID token whose {@code amr}
 * says {@code mfa}; the bank checks that itself, on the server, on the form and on the submission.
 * Without it the user is sent through Foyer again to add the second factor — Foyer's session
 * already holds the password, so only the phone is asked — and comes back to the form.
 */
@Controller
class BankController {

    private static final BigDecimal BALANCE = new BigDecimal("12480.55");

    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final String stepUp;

    BankController(@Value("${bank.step-up:flow}") String stepUp) {
        this.stepUp = stepUp;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal OidcUser user, Model model) {
        model.addAttribute("user", user);
        if (user != null) {
            model.addAttribute("balance", BALANCE);
            model.addAttribute("mfa", hasMfa(user));
        }
        return "bank/home";
    }

    @GetMapping("/transfer")
    String transferForm(@AuthenticationPrincipal OidcUser user, Model model, HttpServletRequest request,
                        HttpServletResponse response) {
        if (!hasMfa(user)) {
            return stepUp(request, response);
        }
        model.addAttribute("user", user);
        model.addAttribute("balance", BALANCE);
        return "bank/transfer";
    }

    @PostMapping("/transfer")
    String transfer(@AuthenticationPrincipal OidcUser user, @RequestParam BigDecimal amount,
                    @RequestParam String recipient, Model model, HttpServletRequest request,
                    HttpServletResponse response) {
        if (!hasMfa(user)) {
            // The form was shown with MFA, but the session changed since: never move money without it.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("user", user);
            return "bank/mfa-required";
        }
        model.addAttribute("user", user);
        model.addAttribute("amount", amount);
        model.addAttribute("recipient", recipient);
        model.addAttribute("balance", BALANCE.subtract(amount));
        return "bank/transfer-done";
    }

    /** Remembers where the user was going, and sends them to Foyer for the second factor. */
    private String stepUp(HttpServletRequest request, HttpServletResponse response) {
        requestCache.saveRequest(request, response);
        String registration = "acr_values".equals(stepUp) ? SecurityConfiguration.STEP_UP_WITH_ACR_VALUES
                : "susi-mfa";
        return "redirect:/oauth2/authorization/" + registration;
    }

    /** RFC 8176: Foyer lists {@code mfa} in {@code amr} when a second factor was proven in this session. */
    static boolean hasMfa(OidcUser user) {
        List<String> amr = user.getIdToken().getClaimAsStringList("amr");
        return amr != null && amr.contains("mfa");
    }
}
