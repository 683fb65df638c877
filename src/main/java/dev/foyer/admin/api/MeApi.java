package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** Who the API sees: lets automation check its token before doing anything. */
@RestController
class MeApi {

    @GetMapping("/admin/api/v1/me")
    Map<String, Object> me(@RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", caller.kind().name().toLowerCase());
        body.put("id", caller.id());
        body.put("name", caller.name());
        body.put("readOnly", caller.readOnly());
        return body;
    }
}
