package io.twilioprovisioning.sandbox;

/**
 * The Twilio hosts the emulator serves, each under its own path prefix of the emulator's
 * base URL: a Twilio host {@code X.twilio.com} is served under {@code {base}/X}, except
 * {@code api.twilio.com}, which is the base itself. So with the in-app base
 * {@code http://localhost:8080/sandbox/twilio}, {@code GET
 * https://messaging.twilio.com/v1/Services} becomes {@code GET
 * http://localhost:8080/sandbox/twilio/messaging/v1/Services}.
 */
enum TwilioHost {

	/** {@code api.twilio.com}: the 2010-04-01 API. */
	API("api", ""),

	/** {@code messaging.twilio.com}: Messaging Services. */
	MESSAGING("messaging", "/messaging"),

	/** {@code pricing.twilio.com}: prices. */
	PRICING("pricing", "/pricing"),

	/** {@code numbers.twilio.com}: regulatory compliance. */
	NUMBERS("numbers", "/numbers");

	private final String prefix;

	private final String url;

	TwilioHost(String name, String prefix) {
		this.prefix = prefix;
		this.url = "https://" + name + ".twilio.com";
	}

	/**
	 * The path prefix of this host under the emulator's base URL.
	 */
	String prefix() {
		return this.prefix;
	}

	/**
	 * Twilio's own URL of a path on this host, as the v1/v2 APIs write their links.
	 */
	String url(String path) {
		return this.url + path;
	}

	/**
	 * The host a path after the base URL belongs to.
	 */
	static TwilioHost of(String path) {
		for (TwilioHost host : values()) {
			if (!host.prefix.isEmpty() && (path.equals(host.prefix) || path.startsWith(host.prefix + "/"))) {
				return host;
			}
		}
		return API;
	}

}
