package dev.foyer.web;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * Spring's {@link ForwardedHeaderFilter} while {@code server.forward-headers-strategy} is {@code
 * framework} ({@code FOYER_FORWARDED_HEADERS}): the filter Boot registers under that condition,
 * registered here for every configuration and switched on or off at start. A build processed ahead
 * of time (Spring AOT) fixes Boot's conditions, and a proxy's scheme and host must count whenever
 * the operator says so. Boot steps back from its own filter when one is registered.
 */
@Configuration(proxyBeanMethods = false)
class ForwardedHeadersConfiguration {

    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter(
            @Value("${server.forward-headers-strategy:none}") String strategy,
            @Value("${server.tomcat.use-relative-redirects:false}") boolean relativeRedirects) {
        ForwardedHeaderFilter filter = new ForwardedHeaderFilter();
        filter.setRelativeRedirects(relativeRedirects);
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled("framework".equalsIgnoreCase(strategy.strip()));
        return registration;
    }
}
