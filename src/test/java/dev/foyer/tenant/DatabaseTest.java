package dev.foyer.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A Spring Boot test against a fresh embedded H2 database, with Argon2 kept cheap.
 * (H2 refuses implicitly relative paths, hence the leading {@code ./}.) Classes sharing
 * this annotation share one context and one database, so each test works in its own tenant
 * ({@link TestTenants}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "foyer.passwords.argon2.memory-kib=1024",
        "foyer.passwords.argon2.iterations=1"})
public @interface DatabaseTest {
}
