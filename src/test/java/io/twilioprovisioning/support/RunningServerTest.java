package io.twilioprovisioning.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port in sandbox mode, on the test run's embedded
 * PostgreSQL. Every test class with this annotation shares one application context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
public @interface RunningServerTest {

	/** The admin created from the test configuration. */
	String ADMIN_EMAIL = "admin@test.local";

	/** Its password. */
	String ADMIN_PASSWORD = "test-admin-password";

}
