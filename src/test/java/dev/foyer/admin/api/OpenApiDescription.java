package dev.foyer.admin.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What springdoc needs, beside the controllers, to describe the admin API: its title and that every
 * operation takes a Bearer access token of the system tenant's admin flow. springdoc runs in the
 * tests only; {@link AdminApiDescriptionTests} holds the served description to what it generates.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI adminApi() {
        return new OpenAPI()
                .info(new Info().title("Foyer admin API").version("v1")
                        .description("Tenants, applications, identity providers, user flows, user attributes,"
                                + " users and their identities, signing keys, sign-in lockout settings and"
                                + " SMS/voice code limits. Use a Bearer access token from"
                                + " /system/B2C_1_admin/oauth2/v2.0/token (client credentials, scope foyer.admin or"
                                + " foyer.admin.read)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
