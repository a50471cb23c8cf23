package io.twilioprovisioning.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Defaults that depend on other settings, decided before the application starts.
 * <ul>
 * <li>Sandbox mode listens on 127.0.0.1 only unless {@code SERVER_ADDRESS} says
 * otherwise: it has a documented admin bootstrap and an emulator whose credentials are
 * public, so it must not be reachable from other machines by accident. Live mode keeps
 * the server's default (every interface).</li>
 * <li>{@code APP_BASE_URL}, the public URL webhooks point at, defaults to
 * {@code http://localhost:{SERVER_PORT}}, or the address in {@code SERVER_ADDRESS} when
 * it names one interface.</li>
 * </ul>
 * Both are added as the lowest-priority property source, so any explicit setting wins.
 */
class ServerDefaults implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "provisioningServerDefaults";

	static final String SANDBOX_ADDRESS = "127.0.0.1";

	private final Log log;

	ServerDefaults(DeferredLogFactory logs) {
		this.log = logs.getLog(ServerDefaults.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getWebApplicationType() == WebApplicationType.NONE) {
			// no web server (the standalone Twilio emulator): nothing to default
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		String address = environment.getProperty("server.address");
		if (!StringUtils.hasText(address) && isSandbox(environment)) {
			address = SANDBOX_ADDRESS;
			defaults.put("server.address", address);
			this.log.info("Sandbox mode: listening on " + SANDBOX_ADDRESS + " only; set SERVER_ADDRESS to 0.0.0.0 "
					+ "(or one interface's address) to accept connections from other machines");
		}
		if (!StringUtils.hasText(environment.getProperty("app.base-url"))) {
			defaults.put("app.base-url", baseUrl(address, environment.getProperty("server.port")));
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
		}
	}

	private static boolean isSandbox(ConfigurableEnvironment environment) {
		try {
			return ProvisioningMode.resolve(environment).isSandbox();
		}
		catch (IllegalStateException ex) {
			// an invalid PROVISIONING_MODE: the provisioningMode bean reports it
			return false;
		}
	}

	/**
	 * {@code http://{host}:{port}}: the host is localhost unless the server listens on
	 * one specific, non-loopback address; a random port ({@code 0}) is not known yet, so
	 * 8080 stands in.
	 */
	static String baseUrl(String address, String port) {
		int number = 8080;
		try {
			if (StringUtils.hasText(port) && Integer.parseInt(port.strip()) > 0) {
				number = Integer.parseInt(port.strip());
			}
		}
		catch (NumberFormatException ex) {
			// the web server reports an invalid SERVER_PORT
		}
		return "http://" + host(address) + ":" + number;
	}

	private static String host(String address) {
		if (!StringUtils.hasText(address)) {
			return "localhost";
		}
		String given = address.strip();
		if (!given.contains(":") && !given.matches("[0-9.]+")) {
			return given.equalsIgnoreCase("localhost") ? "localhost" : given;
		}
		try {
			// an IP literal: no name lookup happens
			InetAddress inet = InetAddress.getByName(given);
			if (inet.isAnyLocalAddress() || inet.isLoopbackAddress()) {
				return "localhost";
			}
			String literal = inet.getHostAddress();
			return literal.contains(":") ? "[" + literal + "]" : literal;
		}
		catch (UnknownHostException ex) {
			return given;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
