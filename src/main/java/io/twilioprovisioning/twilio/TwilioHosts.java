package io.twilioprovisioning.twilio;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.twilioprovisioning.twilio.TwilioTransportException.Failure;

/**
 * Where the calls for each Twilio host go. The SDK addresses every product on its own
 * host ({@code https://api.twilio.com/2010-04-01/…},
 * {@code https://messaging.twilio.com/v1/…}, {@code pricing.twilio.com},
 * {@code numbers.twilio.com}); each host has a base URL:
 * <ul>
 * <li>set explicitly ({@code twilio.messaging-base-url}…), or</li>
 * <li>when the API base URL is Twilio's own ({@code https://api.twilio.com}), the
 * product's own Twilio host, or</li>
 * <li>otherwise (an emulator, a proxy) the API base URL plus {@code /{product}}, e.g.
 * {@code http://127.0.0.1:8080/sandbox/twilio/messaging}: so one setting points every
 * host at an emulator that serves them under those prefixes, as the sandbox does.</li>
 * </ul>
 * The request keeps its path and query, which also covers the paging links Twilio answers
 * with ({@code next_page_uri} relative to the API host, {@code next_page_url} absolute on
 * the product's host).
 */
final class TwilioHosts {

	/** The products whose base URL can be set, the API first. */
	static final List<String> PRODUCTS = List.of("api", "messaging", "pricing", "numbers");

	private static final String TWILIO_DOMAIN = ".twilio.com";

	private final Supplier<URI> apiBaseUrl;

	private final Map<String, URI> explicit;

	private TwilioHosts(Supplier<URI> apiBaseUrl, Map<String, URI> explicit) {
		this.apiBaseUrl = apiBaseUrl;
		this.explicit = explicit;
	}

	/**
	 * Every host derived from the API base URL.
	 * @param apiBaseUrl the API base URL, asked at each call (it may be known only after
	 * start, as in sandbox mode; {@code null} until then)
	 */
	static TwilioHosts derivedFrom(Supplier<URI> apiBaseUrl) {
		return new TwilioHosts(apiBaseUrl, Map.of());
	}

	/**
	 * The hosts the properties set, the others derived from the API base URL.
	 */
	static TwilioHosts of(TwilioProperties properties) {
		Map<String, URI> explicit = new LinkedHashMap<>();
		putIfSet(explicit, "messaging", properties.messagingBaseUrl());
		putIfSet(explicit, "pricing", properties.pricingBaseUrl());
		putIfSet(explicit, "numbers", properties.numbersBaseUrl());
		URI api = properties.apiBaseUrl();
		return new TwilioHosts(() -> api, Map.copyOf(explicit));
	}

	/**
	 * Where a request the SDK built for Twilio goes.
	 * @param original the SDK's URL, e.g.
	 * {@code https://messaging.twilio.com/v1/Services}
	 * @return the same path and query on the host's base URL
	 * @throws TwilioTransportException when the base URL is not known yet
	 */
	URI target(URI original) {
		String host = (original.getHost() != null) ? original.getHost().toLowerCase(Locale.ROOT) : "";
		String product = host.endsWith(TWILIO_DOMAIN) ? host.substring(0, host.indexOf('.')) : "api";
		String base = strip(baseUrl(product).toString());
		String path = (original.getRawPath() != null) ? original.getRawPath() : "";
		String query = (original.getRawQuery() != null) ? "?" + original.getRawQuery() : "";
		return URI.create(base + path + query);
	}

	/**
	 * The base URL of a product's host.
	 * @param product e.g. {@code messaging}
	 * @throws TwilioTransportException when the API base URL is not known yet
	 */
	URI baseUrl(String product) {
		URI configured = this.explicit.get(product);
		if (configured != null) {
			return configured;
		}
		URI api = this.apiBaseUrl.get();
		if (api == null) {
			throw new TwilioTransportException(Failure.NOT_READY, "The Twilio base URL is not known yet", null);
		}
		if (product.equals("api")) {
			return api;
		}
		String apiHost = (api.getHost() != null) ? api.getHost().toLowerCase(Locale.ROOT) : "";
		if (apiHost.startsWith("api.") && apiHost.endsWith(TWILIO_DOMAIN)) {
			return URI.create(api.getScheme() + "://" + product + apiHost.substring(3));
		}
		return URI.create(strip(api.toString()) + "/" + product);
	}

	/**
	 * The base URL of every product, for the log, e.g. {@code https://api.twilio.com
	 * (messaging https://messaging.twilio.com, …)}; {@code <not known yet>} before the
	 * sandbox's port is.
	 */
	String describe() {
		StringBuilder text = new StringBuilder(describe("api")).append(" (");
		for (String product : PRODUCTS.subList(1, PRODUCTS.size())) {
			text.append(product).append(' ').append(describe(product)).append(product.equals("numbers") ? ")" : ", ");
		}
		return text.toString();
	}

	private String describe(String product) {
		try {
			return baseUrl(product).toString();
		}
		catch (TwilioTransportException ex) {
			return "<not known yet>";
		}
	}

	private static void putIfSet(Map<String, URI> urls, String product, URI url) {
		if (url != null) {
			urls.put(product, url);
		}
	}

	private static String strip(String url) {
		String text = url;
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
