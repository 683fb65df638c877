package com.contoso.bank;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The home page is open; every other page needs a signed-in user, and signing in goes straight to
 * Foyer's {@code B2C_1_susi}.
 * Signing out ends the Foyer session too (OpenID Connect RP-initiated logout) and comes back here.
 */
@Configuration
class SecurityConfiguration {

    static final String STEP_UP_WITH_ACR_VALUES = "susi-step-up";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/susi")
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                stepUpResolver(registrations))))
                .logout(out -> out.logoutSuccessHandler(logout))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    /** The {@code susi-step-up} registration asks the same flow for MFA with {@code acr_values=mfa}. */
    private static DefaultOAuth2AuthorizationRequestResolver stepUpResolver(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(request -> request.attributes(attributes -> {
            if (STEP_UP_WITH_ACR_VALUES.equals(attributes.get(OAuth2ParameterNames.REGISTRATION_ID))) {
                request.additionalParameters(parameters -> parameters.put("acr_values", "mfa"));
            }
        }));
        return resolver;
    }
}
