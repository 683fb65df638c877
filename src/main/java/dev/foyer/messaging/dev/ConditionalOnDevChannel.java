package dev.foyer.messaging.dev;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/** Present only while {@code foyer.messaging.dev-channel.enabled} is on (the default). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "foyer.messaging.dev-channel.enabled", matchIfMissing = true)
@interface ConditionalOnDevChannel {
}
