package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foyer.tenant.Tenant;
import dev.foyer.testing.EndToEndTest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ClassUtils;

/**
 * Spring generates a subclass at every start for each bean it proxies, and the proxy stands in
 * every call. Foyer's beans are proxied only for their transactions: the repositories reach the
 * database through {@code JdbcClient}, which turns SQL errors into {@code DataAccessException}s
 * itself, so none is wrapped to translate them again (application.properties); and no
 * configuration class is subclassed to intercept its {@code @Bean} methods, which call each other
 * nowhere ({@code proxyBeanMethods = false}).
 */
class GeneratedProxyTests extends EndToEndTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void foyerBeansWhenProxiedThenOnlyForTheirTransactions() {
        List<Object> beans = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> context.getBeanFactory().getBeanDefinition(name).isSingleton()
                        && !context.getBeanFactory().getBeanDefinition(name).isAbstract())
                .map(context::getBean)
                .filter(bean -> ClassUtils.getUserClass(bean).getName().startsWith("dev.foyer."))
                .toList();
        assertThat(beans).hasSizeGreaterThan(100);

        List<String> generatedForNothing = beans.stream()
                .filter(bean -> AopUtils.isAopProxy(bean) || bean.getClass() != ClassUtils.getUserClass(bean))
                .filter(bean -> !transactional(AopUtils.getTargetClass(bean)))
                .map(bean -> ClassUtils.getUserClass(bean).getName())
                .toList();

        assertThat(generatedForNothing).isEmpty();
    }

    @Test
    void repositoryWhenAConstraintIsBrokenThenStillADataAccessException() {
        String name = newTenant().name();

        assertThatThrownBy(() -> tenants.add(new Tenant(UUID.randomUUID(), name, "Again")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(tenants.findByNameOrId(name)).get().extracting(Tenant::displayName).isNotEqualTo("Again");
    }

    private static boolean transactional(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, Transactional.class)
                || Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(method -> AnnotatedElementUtils.hasAnnotation(method, Transactional.class));
    }
}
