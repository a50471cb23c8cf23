package io.twilioprovisioning.platform;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ClientLimitValve} first in the application's Tomcat pipeline (after the
 * engine's valves, so behind a proxy it sees the client address that
 * {@code server.forward-headers-strategy} resolved).
 */
@Configuration(proxyBeanMethods = false)
class ClientLimitConfiguration {

	@Bean
	ClientLimits clientLimits(ClientLimitProperties properties) {
		return new ClientLimits(properties);
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> clientLimitValve(ClientLimitProperties properties,
			ClientLimits limits) {
		return (factory) -> factory.addContextValves(new ClientLimitValve(properties, limits));
	}

}
