package io.twilioprovisioning.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * A position in a list paged by keyset (docs/adr/0021): the sort key and the id of the
 * last row seen, and whether the next page lies after it or before it. Its token is
 * opaque to callers: URL-safe Base64 of the position, bound to the list's order and
 * sealed with a checksum, so a token edited by hand, cut short or used with another order
 * is refused as a bad parameter instead of giving a wrong page.
 *
 * @param backward whether the page wanted lies before the position (a "previous" link)
 * @param key the sort key of the row at the position, in text form; {@code null} when
 * that row has no value for the sort field
 * @param id the id of the row at the position, which breaks ties
 */
public record Cursor(boolean backward, @Nullable String key, long id) {

	private static final String VERSION = "1";

	private static final int CHECKSUM_BYTES = 8;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** The longest token accepted; longer input is refused before it is decoded. */
	public static final int MAX_TOKEN_LENGTH = 512;

	/**
	 * The token of this position for a list in the given order.
	 * @param order what the cursor is bound to, e.g. {@code createdAt,desc}
	 */
	public String encode(String order) {
		String payload = String.join("|", VERSION, this.backward ? "b" : "f", order, Long.toString(this.id),
				(this.key != null) ? "=" + this.key : "~");
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(checksum(bytes));
	}

	/**
	 * Reads a token made by {@link #encode(String)} for the same order.
	 * @param field the request parameter the token came in, named in the error
	 * @throws InvalidParameterException when the token is malformed, was altered, or
	 * belongs to another order
	 */
	public static Cursor decode(String token, String order, String field) {
		if (token.length() > MAX_TOKEN_LENGTH) {
			throw invalid(field);
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			throw invalid(field);
		}
		byte[] bytes;
		byte[] sum;
		try {
			bytes = DECODER.decode(token.substring(0, dot));
			sum = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(field);
		}
		if (!MessageDigest.isEqual(sum, checksum(bytes))) {
			throw invalid(field);
		}
		String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|", 5);
		if (parts.length != 5 || !VERSION.equals(parts[0]) || !(parts[1].equals("f") || parts[1].equals("b"))) {
			throw invalid(field);
		}
		if (!parts[2].equals(order)) {
			throw new InvalidParameterException(field,
					field + " belongs to another sort order; start again without it or keep sort=" + parts[2]);
		}
		long id;
		try {
			id = Long.parseLong(parts[3]);
		}
		catch (NumberFormatException ex) {
			throw invalid(field);
		}
		String key;
		if (parts[4].equals("~")) {
			key = null;
		}
		else if (parts[4].startsWith("=")) {
			key = parts[4].substring(1);
		}
		else {
			throw invalid(field);
		}
		return new Cursor(parts[1].equals("b"), key, id);
	}

	/**
	 * The error for a token that cannot be read.
	 */
	public static InvalidParameterException invalid(String field) {
		return new InvalidParameterException(field,
				field + " is not a cursor this list gave out; use the nextCursor or previousCursor of a response");
	}

	private static byte[] checksum(byte[] payload) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update("twilio-provisioning/cursor/".getBytes(StandardCharsets.UTF_8));
			return Arrays.copyOf(digest.digest(payload), CHECKSUM_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

}
