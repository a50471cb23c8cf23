package io.twilioprovisioning.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders console pages. The advices that fill the shared
 * layout's model (mode, user, alert and sandbox banners) apply to these controllers only:
 * {@code @ControllerAdvice(annotations = Controller.class)} would also match every
 * {@code @RestController} (meta-annotated with {@code @Controller}), so every API call
 * and every Twilio webhook would build a page model it never renders, alert look-up
 * included.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {

}
