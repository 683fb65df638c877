package com.contoso.insurance;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Two applications, two client registrations ({@code auto}, {@code home}). Each keeps the user it
 * signed in under its own name in the session, so each app knows only what its own ID token said;
 * the pages decide who may enter (see {@link InsuranceController}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler returnToPage = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .loginPage("/")
                        .successHandler((request, response, authentication) -> {
                            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
                            signedIn(request.getSession(), token.getAuthorizedClientRegistrationId(),
                                    (OidcUser) token.getPrincipal());
                            returnToPage.onAuthenticationSuccess(request, response, authentication);
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    static void signedIn(HttpSession session, String app, OidcUser user) {
        session.setAttribute(attribute(app), user);
    }

    static OidcUser user(HttpSession session, String app) {
        return session == null ? null : (OidcUser) session.getAttribute(attribute(app));
    }

    private static String attribute(String app) {
        return "contoso.insurance.user." + app;
    }
}
