package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * How the adapter reaches Twilio in live mode, and the timeouts, retries and concurrency
 * it uses in every mode. Bound from {@code twilio.*}, i.e. the environment variables
 * {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}, {@code TWILIO_API_KEY},
 * {@code TWILIO_API_SECRET}, {@code TWILIO_API_BASE_URL} and the base URLs of the other
 * Twilio hosts ({@code TWILIO_MESSAGING_BASE_URL}, {@code TWILIO_PRICING_BASE_URL},
 * {@code TWILIO_NUMBERS_BASE_URL}; unset, they follow the API base URL as
 * {@link TwilioHosts} says). The secrets never appear in {@link #toString()}.
 *
 * @param accountSid the account the numbers belong to ({@code AC} + 32 hex); the path of
 * every call
 * @param authToken the account's auth token, or {@code null} when an API key is used
 * @param apiKey an API key SID ({@code SK} + 32 hex), used instead of the auth token
 * @param apiSecret the API key's secret
 * @param apiBaseUrl where REST calls go: Twilio, a proxy or an emulator
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a whole answer once the request is sent
 * @param maxConcurrency how many interactive Twilio calls may be in flight at once (bulk
 * calls have their own adaptive limit, {@link BulkConcurrencyProperties})
 * @param maxRetries how many times a 429, or a failed GET or DELETE, is tried again
 * @param initialBackoff the backoff ceiling before the first retry; it doubles per retry
 * @param maxBackoff the highest backoff ceiling
 * @param messagingBaseUrl where {@code messaging.twilio.com} calls go, or {@code null} to
 * derive it from the API base URL
 * @param pricingBaseUrl where {@code pricing.twilio.com} calls go, or {@code null}
 * @param numbersBaseUrl where {@code numbers.twilio.com} calls go, or {@code null}
 */
@Validated
@ConfigurationProperties("twilio")
record TwilioProperties(
		@Pattern(regexp = "AC[0-9a-fA-F]{32}",
				message = "must be 'AC' followed by 32 hex digits (TWILIO_ACCOUNT_SID)") String accountSid,
		String authToken,
		@Pattern(regexp = "SK[0-9a-fA-F]{32}",
				message = "must be 'SK' followed by 32 hex digits (TWILIO_API_KEY)") String apiKey,
		String apiSecret, @DefaultValue("https://api.twilio.com") @NotNull URI apiBaseUrl,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout,
		@DefaultValue("8") @Min(1) @Max(200) int maxConcurrency, @DefaultValue("4") @Min(0) @Max(20) int maxRetries,
		@DefaultValue("200ms") @NotNull Duration initialBackoff, @DefaultValue("5s") @NotNull Duration maxBackoff,
		URI messagingBaseUrl, URI pricingBaseUrl, URI numbersBaseUrl) {

	@ConstructorBinding
	TwilioProperties {
		accountSid = blankToNull(accountSid);
		authToken = blankToNull(authToken);
		apiKey = blankToNull(apiKey);
		apiSecret = blankToNull(apiSecret);
		requireBaseUrl(apiBaseUrl, "api");
		requireBaseUrl(messagingBaseUrl, "messaging");
		requireBaseUrl(pricingBaseUrl, "pricing");
		requireBaseUrl(numbersBaseUrl, "numbers");
		requirePositive(connectTimeout, "connect-timeout");
		requirePositive(readTimeout, "read-timeout");
		requirePositive(initialBackoff, "initial-backoff");
		requirePositive(maxBackoff, "max-backoff");
	}

	/**
	 * Settings whose other Twilio hosts all follow the API base URL.
	 */
	TwilioProperties(String accountSid, String authToken, String apiKey, String apiSecret, URI apiBaseUrl,
			Duration connectTimeout, Duration readTimeout, int maxConcurrency, int maxRetries, Duration initialBackoff,
			Duration maxBackoff) {
		this(accountSid, authToken, apiKey, apiSecret, apiBaseUrl, connectTimeout, readTimeout, maxConcurrency,
				maxRetries, initialBackoff, maxBackoff, null, null, null);
	}

	/**
	 * Defaults for every setting and no credentials.
	 */
	static TwilioProperties defaults() {
		return new TwilioProperties(null, null, null, null, URI.create("https://api.twilio.com"), Duration.ofSeconds(5),
				Duration.ofSeconds(30), 8, 4, Duration.ofMillis(200), Duration.ofSeconds(5));
	}

	/**
	 * Whether an API key and its secret are configured (preferred over the auth token).
	 */
	boolean usesApiKey() {
		return this.apiKey != null && this.apiSecret != null;
	}

	/**
	 * Checks that live mode can authenticate: an account SID and either an auth token or
	 * an API key with its secret.
	 * @throws IllegalStateException naming the missing environment variables
	 */
	void requireLiveCredentials() {
		if (this.accountSid == null) {
			throw new IllegalStateException("Live mode needs TWILIO_ACCOUNT_SID (AC followed by 32 hex digits)");
		}
		if (this.apiKey != null && this.apiSecret == null) {
			throw new IllegalStateException("TWILIO_API_KEY is set but TWILIO_API_SECRET is missing");
		}
		if (this.apiKey == null && this.apiSecret != null) {
			throw new IllegalStateException("TWILIO_API_SECRET is set but TWILIO_API_KEY is missing");
		}
		if (!usesApiKey() && this.authToken == null) {
			throw new IllegalStateException(
					"Live mode needs TWILIO_AUTH_TOKEN, or TWILIO_API_KEY with TWILIO_API_SECRET, next to TWILIO_ACCOUNT_SID");
		}
	}

	/**
	 * The retry policy these settings describe.
	 */
	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxRetries, this.initialBackoff, this.maxBackoff);
	}

	TwilioProperties withApiBaseUrl(URI url) {
		return new TwilioProperties(this.accountSid, this.authToken, this.apiKey, this.apiSecret, url,
				this.connectTimeout, this.readTimeout, this.maxConcurrency, this.maxRetries, this.initialBackoff,
				this.maxBackoff, this.messagingBaseUrl, this.pricingBaseUrl, this.numbersBaseUrl);
	}

	@Override
	public String toString() {
		return "TwilioProperties[accountSid=" + Secrets.maskSid(this.accountSid) + ", authToken="
				+ Secrets.presence(this.authToken) + ", apiKey=" + Secrets.maskSid(this.apiKey) + ", apiSecret="
				+ Secrets.presence(this.apiSecret) + ", apiBaseUrl=" + this.apiBaseUrl + ", connectTimeout="
				+ this.connectTimeout + ", readTimeout=" + this.readTimeout + ", maxConcurrency=" + this.maxConcurrency
				+ ", maxRetries=" + this.maxRetries + ", initialBackoff=" + this.initialBackoff + ", maxBackoff="
				+ this.maxBackoff + ", messagingBaseUrl=" + this.messagingBaseUrl + ", pricingBaseUrl="
				+ this.pricingBaseUrl + ", numbersBaseUrl=" + this.numbersBaseUrl + "]";
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	/**
	 * A base URL must be an absolute http(s) URL without credentials or a query.
	 */
	private static void requireBaseUrl(URI url, String product) {
		if (url == null) {
			return;
		}
		String key = "twilio." + product + "-base-url (TWILIO_" + product.toUpperCase(Locale.ROOT) + "_BASE_URL)";
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
			throw new IllegalArgumentException(
					key + " must be an absolute http(s) URL, e.g. https://" + product + ".twilio.com");
		}
		if (url.getRawUserInfo() != null || url.getRawQuery() != null) {
			throw new IllegalArgumentException(key + " must not carry credentials or a query");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration != null && (duration.isZero() || duration.isNegative())) {
			throw new IllegalArgumentException("twilio." + name + " must be positive");
		}
	}

}
