package dev.foyer.admin.access;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Where the admin guards apply. */
@Configuration(proxyBeanMethods = false)
class AdminWebConfiguration implements WebMvcConfigurer {

    /** Public parts of {@code /admin/api}: the API's description and its browsable UI. */
    static final String[] PUBLIC_API = {"/admin/api/v1/openapi.json", "/admin/api/v1/docs", "/admin/api/v1/docs/**"};

    private final AdminAccess api;
    private final AdminPortalAccess portal;

    AdminWebConfiguration(AdminAccess api, AdminPortalAccess portal) {
        this.api = api;
        this.portal = portal;
    }

    /**
     * The API authenticates with bearer tokens, which a browser never attaches by itself, so it
     * takes no CSRF token; the portal's cookie session does, on every form.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(api).addPathPatterns("/admin/api/**").excludePathPatterns(PUBLIC_API);
        registry.addInterceptor(portal).addPathPatterns("/admin", "/admin/**")
                .excludePathPatterns("/admin/api/**", AdminBootstrap.SETUP_PATH, AdminSignIn.SIGN_IN_PATH,
                        SystemTenant.CALLBACK);
    }
}
