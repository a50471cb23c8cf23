package io.twilioprovisioning.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of an alert webhook: {@code v1=} and the hex HMAC-SHA256, keyed with
 * {@code PROVISIONING_ALERTS_WEBHOOK_SECRET}, of {@code <timestamp>.<body>}, where the
 * timestamp is the Unix time in seconds sent in {@link #TIMESTAMP_HEADER}. Signing the
 * timestamp lets a receiver refuse replays of old deliveries; docs/alerts.md shows how to
 * verify.
 */
public final class AlertSignature {

	/** The Unix time (seconds) of the delivery attempt. */
	public static final String TIMESTAMP_HEADER = "X-Provisioning-Timestamp";

	/** {@code v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}. */
	public static final String SIGNATURE_HEADER = "X-Provisioning-Signature";

	/** The alert notification's id, the same on every retry (deduplicate by it). */
	public static final String ID_HEADER = "X-Provisioning-Alert-Id";

	private AlertSignature() {
	}

	/**
	 * The signature header's value for a body sent at a time.
	 */
	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1=" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * Whether a received signature is the one expected, compared in constant time.
	 */
	public static boolean verify(String secret, long timestamp, String body, String received) {
		if (received == null) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, received.getBytes(StandardCharsets.UTF_8));
	}

}
