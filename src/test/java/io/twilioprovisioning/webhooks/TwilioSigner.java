package io.twilioprovisioning.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Twilio does (docs/twilio-notes.md §6), independently of
 * twilio-java: HMAC-SHA1 over the URL followed by each form parameter's name and value in
 * name order, keyed with the auth token, Base64.
 */
public final class TwilioSigner {

	private TwilioSigner() {
	}

	public static String sign(String authToken, String url, Map<String, String> formParameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(formParameters).forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
