package dev.foyer.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The admin API's OpenAPI description at {@code /admin/api/v1/openapi.json} and its browsable UI
 * (swagger-ui's static bundle) under {@code /admin/api/v1/docs/}. The description is a file made
 * from the code by springdoc in the tests ({@code AdminApiDescriptionTests} fails when it no longer
 * matches), so the server carries neither springdoc nor what it needs to read the code at run time.
 */
@Controller
class ApiDocsPage {

    static final String DESCRIPTION = "dev/foyer/admin/api/openapi.json";
    static final String UI = "/admin/api/v1/docs/swagger-ui/index.html";

    private final byte[] description = read(DESCRIPTION);

    @GetMapping("/admin/api/v1/openapi.json")
    ResponseEntity<byte[]> description() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(description);
    }

    @GetMapping({"/admin/api/v1/docs", "/admin/api/v1/docs/"})
    String docs() {
        return "redirect:" + UI;
    }

    private static byte[] read(String resource) {
        try (InputStream in = ApiDocsPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The admin API's description " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * swagger-ui's files from its web jar, whatever its version; our {@code swagger-initializer.js},
     * which points the UI at the description, comes first.
     */
    @Configuration(proxyBeanMethods = false)
    static class Resources implements WebMvcConfigurer {

        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/admin/api/v1/docs/**")
                    .addResourceLocations("classpath:/dev/foyer/admin/api/docs/", "classpath:/META-INF/resources/webjars/")
                    .resourceChain(true)
                    .addResolver(new LiteWebJarsResourceResolver());
        }
    }
}
