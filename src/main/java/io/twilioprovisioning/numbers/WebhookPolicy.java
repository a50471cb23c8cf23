package io.twilioprovisioning.numbers;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.twilioprovisioning.platform.ProvisioningMode;

import org.springframework.stereotype.Component;

/**
 * Derives each number's webhook URLs from the platform's public base URL and checks
 * webhook URLs before they are sent to Twilio: absolute http(s), no credentials in them,
 * and in live mode a public host (never localhost or a private range).
 */
@Component
public class WebhookPolicy {

	static final int MAX_URL_LENGTH = 2048;

	private final String baseUrl;

	private final ProvisioningMode mode;

	private final WebhookConfig defaults;

	WebhookPolicy(WebhookProperties properties, ProvisioningMode mode) {
		String base = properties.baseUrl().strip();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.mode = mode;
		validate("APP_BASE_URL", this.baseUrl);
		this.defaults = new WebhookConfig(this.baseUrl + "/webhooks/twilio/voice", WebhookMethod.POST, null,
				this.baseUrl + "/webhooks/twilio/sms", WebhookMethod.POST, null,
				this.baseUrl + "/webhooks/twilio/status");
	}

	/**
	 * The webhooks every number gets by default.
	 */
	public WebhookConfig defaults() {
		return this.defaults;
	}

	/**
	 * Whether a number's webhooks are the policy's.
	 */
	public boolean matches(WebhookConfig config) {
		WebhookConfig policy = defaults();
		return config != null && eq(policy.voiceUrl(), config.voiceUrl()) && eq(policy.smsUrl(), config.smsUrl())
				&& eq(policy.statusCallback(), config.statusCallback())
				&& methodOrPost(config.voiceMethod()) == policy.voiceMethod()
				&& methodOrPost(config.smsMethod()) == policy.smsMethod();
	}

	/**
	 * Checks every URL of a configuration.
	 * @throws InvalidWebhookUrlException naming the first bad field
	 */
	public void validate(WebhookConfig config) {
		validate("voiceUrl", config.voiceUrl());
		validate("voiceFallbackUrl", config.voiceFallbackUrl());
		validate("smsUrl", config.smsUrl());
		validate("smsFallbackUrl", config.smsFallbackUrl());
		validate("statusCallback", config.statusCallback());
	}

	void validate(String field, String url) {
		if (url == null) {
			return;
		}
		if (url.length() > MAX_URL_LENGTH) {
			throw new InvalidWebhookUrlException(field, "must be at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhookUrlException(field, "is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			throw new InvalidWebhookUrlException(field, "must be an absolute http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			throw new InvalidWebhookUrlException(field, "must not contain a user name or password");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidWebhookUrlException(field, "must not contain a #fragment");
		}
		if (this.mode == ProvisioningMode.LIVE && !isPublicHost(uri.getHost())) {
			throw new InvalidWebhookUrlException(field,
					"must point at a public host in live mode: Twilio cannot reach localhost or private addresses");
		}
	}

	static boolean isPublicHost(String rawHost) {
		String host = IDN.toASCII(rawHost.toLowerCase(Locale.ROOT));
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
				|| host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")
				|| !host.contains(".") && !host.contains(":")) {
			return false;
		}
		if (host.matches("[0-9.]+") || host.contains(":")) {
			try {
				InetAddress address = InetAddress.getByName(host);
				return !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
						|| address.isAnyLocalAddress() || address.isMulticastAddress() || isCarrierGradeNat(address)
						|| isUniqueLocalV6(address));
			}
			catch (java.net.UnknownHostException ex) {
				return false;
			}
		}
		return true;
	}

	private static boolean isCarrierGradeNat(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
	}

	private static boolean isUniqueLocalV6(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

	private static WebhookMethod methodOrPost(WebhookMethod method) {
		return (method != null) ? method : WebhookMethod.POST;
	}

	private static boolean eq(String a, String b) {
		return (a == null) ? b == null : a.equals(b);
	}

}
