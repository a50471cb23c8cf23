package io.twilioprovisioning.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Keeps the {@link ResourceUrlEncodingFilter} that Spring Boot would register out of the
 * filter chain. With the resource chain on (the WebJars locator turns it on), that filter
 * rewrites every URL a page builds ({@code @{...}} calls {@code encodeURL}) and, because
 * static resources are served from {@code /**}, looks each one up as a file in every
 * static location of the class path, inside the jars: about 1 ms per table row on the
 * inventory page, 80 % of its rendering (profiled with JFR, docs/benchmarks.md). Nothing
 * needs the rewriting: content versioning is off, and WebJars are still found without a
 * version in their path when they are requested.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinksConfiguration {

	/**
	 * A registration of the filter that is switched off: Spring Boot's Thymeleaf
	 * configuration registers its own only when there is none.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
