package dev.foyer.admin.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/api/v1/docs}: the browsable UI of the API description (springdoc serves it below). */
@Controller
class ApiDocsPage {

    @GetMapping({"/admin/api/v1/docs", "/admin/api/v1/docs/"})
    String docs() {
        return "redirect:/admin/api/v1/docs/swagger-ui/index.html";
    }
}
