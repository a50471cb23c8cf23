package io.twilioprovisioning.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The kinds of {@link DomainException} a JSON API operation can answer, so that its
 * OpenAPI description lists exactly those problems with their status (the web module maps
 * each kind to its status once, for the answers and for the description). Problems every
 * admin operation can answer (401, 403) and those its inputs imply (400 for parameters or
 * a body, 413 and 415 for a body) are added without being named here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiProblems {

	/**
	 * The kinds of failure the operation can answer.
	 * @return the kinds
	 */
	DomainException.Kind[] value();

}
