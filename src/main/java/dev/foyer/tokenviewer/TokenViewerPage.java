package dev.foyer.tokenviewer;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /tokenviewer}: the reply URL of every tenant's token viewer application, which receives a
 * user flow's answer by form post ({@code id_token}, {@code code}, {@code state}, {@code error},
 * {@code error_description}), and a page where a token can be pasted ({@code token}) and decoded.
 * It changes nothing and sets no cookie, so it needs no CSRF token.
 */
@Controller
class TokenViewerPage {

    private static final String VIEW = "tokenviewer/index";

    private final TokenInspector inspector;

    TokenViewerPage(TokenInspector inspector) {
        this.inspector = inspector;
    }

    @GetMapping(TokenViewerApplication.PATH)
    String empty() {
        return VIEW;
    }

    @PostMapping(TokenViewerApplication.PATH)
    String received(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        model.addAttribute("error", params.get("error"));
        model.addAttribute("errorDescription", params.get("error_description"));
        model.addAttribute("code", params.get("code"));
        model.addAttribute("state", params.get("state"));
        String token = params.containsKey("id_token") ? params.get("id_token") : params.get("token");
        if (token == null && (params.containsKey("error") || params.containsKey("code"))) {
            return VIEW;
        }
        Inspection inspection = inspector.inspect(token);
        if (inspection instanceof Inspection.Unreadable unreadable) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "invalid_token");
            model.addAttribute("errorDescription", unreadable.reason());
        } else {
            model.addAttribute("token", inspection);
        }
        return VIEW;
    }
}
