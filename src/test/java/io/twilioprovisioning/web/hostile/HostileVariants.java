package io.twilioprovisioning.web.hostile;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The hostile values the suite sends, and which of them a field must refuse: wrong types,
 * empty, null, huge, NUL and other control characters, bad percent-encoding, overlong and
 * invalid UTF-8, Unicode tricks (bidi override, zero-width, homoglyphs, combining marks),
 * SQL, HTML and Thymeleaf payloads, odd numbers (negative, huge, hex, float), repeated
 * keys and parameters.
 */
final class HostileVariants {

	/** Bodies over the API's 64 KiB limit and query strings over Tomcat's 8 KiB head. */
	static final int HUGE = 100_000;

	private HostileVariants() {
	}

	/**
	 * A JSON value as sent.
	 *
	 * @param label what it is
	 * @param raw the bytes of the value (not always valid JSON or UTF-8)
	 * @param value what it means, for the schema check: a String, Long, BigInteger,
	 * BigDecimal, Boolean, List, Map or {@link #NULL}; {@code null} when malformed
	 */
	record JsonValue(String label, byte[] raw, Object value) {

		static JsonValue of(String label, String json, Object value) {
			return new JsonValue(label, json.getBytes(StandardCharsets.UTF_8), value);
		}

	}

	/** The JSON {@code null}. */
	static final Object NULL = new Object();

	/** A repeated key: the value is sent twice with different values. */
	static final String DUPLICATE = "duplicate-key";

	static List<JsonValue> json(boolean url) {
		List<JsonValue> values = new ArrayList<>();
		values.add(JsonValue.of("number", "12345", 12345L));
		values.add(JsonValue.of("negative", "-1", -1L));
		values.add(JsonValue.of("zero", "0", 0L));
		values.add(JsonValue.of("float", "1.5", new BigDecimal("1.5")));
		values.add(JsonValue.of("exponent", "1e3", new BigDecimal("1E+3")));
		values.add(JsonValue.of("huge-number", "99999999999999999999", new BigInteger("99999999999999999999")));
		values.add(JsonValue.of("long-max", "9223372036854775807", Long.MAX_VALUE));
		values.add(JsonValue.of("true", "true", Boolean.TRUE));
		values.add(JsonValue.of("false", "false", Boolean.FALSE));
		values.add(JsonValue.of("null", "null", NULL));
		values.add(JsonValue.of("array", "[\"a\"]", List.of("a")));
		values.add(JsonValue.of("empty-array", "[]", List.of()));
		values.add(JsonValue.of("object", "{\"a\":\"b\"}", Map.of("a", "b")));
		for (Map.Entry<String, String> text : texts(url).entrySet()) {
			values.add(JsonValue.of(text.getKey(), quote(text.getValue()), text.getValue()));
		}
		values.add(JsonValue.of("huge-100k", quote("a".repeat(HUGE)), "a".repeat(HUGE)));
		values.add(new JsonValue("invalid-utf8", bytes('"', 0xFF, 0xFE, '"'), null));
		values.add(new JsonValue("overlong-utf8", bytes('"', 0xC0, 0xAF, '"'), null));
		values.add(new JsonValue("lone-surrogate", "\"\\ud800x\"".getBytes(StandardCharsets.US_ASCII), null));
		values.add(new JsonValue(DUPLICATE, new byte[0], null));
		return values;
	}

	/**
	 * Text payloads, as Java strings.
	 */
	private static Map<String, String> texts(boolean url) {
		Map<String, String> texts = new java.util.LinkedHashMap<>();
		texts.put("empty", "");
		texts.put("blank", "   ");
		texts.put("number-as-string", "12345");
		texts.put("hex-string", "0x10");
		texts.put("boolean-as-string", "true");
		texts.put("nul", "\u0000");
		texts.put("nul-inside", "a\u0000b");
		texts.put("crlf", "a\r\nX-Injected: 1");
		texts.put("escape", "\u001b[31mred");
		texts.put("c1-control", "a\u0085b");
		texts.put("bidi-override", "\u202Eevil");
		texts.put("zero-width", "a\u200Bb");
		texts.put("homoglyph", "\u0430dmin");
		texts.put("combining", "e\u0301\u0301\u0301");
		texts.put("sql", "' OR 1=1; DROP TABLE clients;--");
		texts.put("html", "<script>alert(1)</script>");
		texts.put("thymeleaf", "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x");
		texts.put("thymeleaf-inline", "[[${7*7}]]");
		texts.put("percent", "%ZZ%00%");
		texts.put("unicode-digits", "\u0661\u0662\u0663");
		texts.put("emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD");
		texts.put("path", "../../etc/passwd");
		texts.put("format", "%s%n%x%d");
		texts.put("long-1k", "a".repeat(1000));
		if (url) {
			texts.put("url-no-host", "http:/x");
			texts.put("url-javascript", "javascript:alert(1)");
			texts.put("url-credentials", "https://user:secret@hooks.example.com/x");
			texts.put("url-fragment", "https://hooks.example.com/x#top");
			texts.put("url-bad-ipv6", "http://[::1");
		}
		return texts;
	}

	/**
	 * Whether a field holds a URL (webhooks), which gets URL-shaped variants too.
	 */
	static boolean isUrl(String field) {
		return field.endsWith("Url") || field.equals("statusCallback");
	}

	/**
	 * Text as it is sent in a query, a path segment or a form body.
	 *
	 * @param label what it is
	 * @param raw the percent-encoded text as sent (characters up to U+00FF, one byte
	 * each)
	 * @param refusedAnywhere whether the app refuses it on every route (bad encoding,
	 * bytes that are not UTF-8, control characters)
	 */
	record Text(String label, String raw, boolean refusedAnywhere) {

	}

	static List<Text> text(boolean url) {
		List<Text> values = new ArrayList<>();
		for (String[] bad : new String[][] { { "bad-escape", "%ZZ" }, { "lone-percent", "%" },
				{ "short-escape", "a%2" }, { "invalid-utf8", "%FF%FE" }, { "overlong-utf8", "%C0%AF" },
				{ "surrogate-utf8", "%ED%A0%80" }, { "raw-bytes", "\u00FF\u00FE" } }) {
			values.add(new Text(bad[0], bad[1], true));
		}
		for (Map.Entry<String, String> text : texts(url).entrySet()) {
			String raw = percentEncode(text.getValue());
			values.add(new Text(text.getKey(), raw, !isPlainText(text.getValue())));
		}
		values.add(new Text("space-before-number", "%201", false));
		values.add(new Text("plus-number", "%2B1", false));
		values.add(new Text("float", "1.5", false));
		values.add(new Text("huge-number", "99999999999999999999", false));
		values.add(new Text("plus-as-space", "a+b", false));
		values.add(new Text("huge-100k", "a".repeat(HUGE), false));
		return values;
	}

	/**
	 * Ways to write an id that are not decimal digits, around an existing id.
	 */
	static List<Text> pathIds(long anchor) {
		String id = Long.toString(anchor);
		List<Text> values = new ArrayList<>();
		values.add(new Text("hex", "0x" + Long.toHexString(anchor), false));
		values.add(new Text("space-before", "%20" + id, false));
		values.add(new Text("space-after", id + "%20", false));
		values.add(new Text("plus", "+" + id, false));
		values.add(new Text("float", id + ".0", false));
		values.add(new Text("exponent", id + "e0", false));
		values.add(new Text("negative", "-" + id, false));
		values.add(new Text("unicode-digits", percentEncode(digits(id, '\u0660')), false));
		values.add(new Text("fullwidth-digits", percentEncode(digits(id, '\uFF10')), false));
		values.add(new Text("nul", id + "%00", true));
		values.add(new Text("bad-escape", id + "%ZZ", true));
		values.add(new Text("invalid-utf8", id + "%FF", true));
		values.add(new Text("overflow", "99999999999999999999", false));
		values.add(new Text("word", "abc", false));
		values.add(new Text("list", id + ",1", false));
		values.add(new Text("encoded-slash", id + "%2F1", false));
		values.add(new Text("crlf", id + "%0D%0A", true));
		values.add(new Text("bidi", "%E2%80%AE" + id, false));
		values.add(new Text("zero", "0", false));
		values.add(new Text("huge-100k", "9".repeat(HUGE), false));
		return values;
	}

	/**
	 * Values for a header; header syntax allows no control characters.
	 */
	static List<Text> headers() {
		List<Text> values = new ArrayList<>();
		for (String[] value : new String[][] { { "empty", "" }, { "blank", "   " }, { "sql", "' OR 1=1--" },
				{ "html", "<script>alert(1)</script>" }, { "thymeleaf", "__${7*7}__" }, { "percent", "%ZZ%00" },
				{ "latin1-bytes", "\u00FF\u00FE" }, { "long-200", "k".repeat(200) }, { "huge-9k", "k".repeat(9000) },
				{ "hex", "0x10" } }) {
			values.add(new Text(value[0], value[1], false));
		}
		return values;
	}

	/**
	 * Whether a JSON value breaks the declared schema of a property, so that the request
	 * must be refused.
	 */
	static boolean violates(JsonNode property, boolean required, JsonValue value) {
		Object v = value.value();
		if (v == null) {
			return true;
		}
		if (v == NULL) {
			return required;
		}
		String type = property.path("type").asString("");
		if (property.has("enum")) {
			List<String> allowed = new ArrayList<>();
			property.get("enum").forEach((item) -> allowed.add(item.asString()));
			return !(v instanceof String text && allowed.contains(text));
		}
		return switch (type) {
			case "string" -> !(v instanceof String text) || violatesText(property, text);
			case "integer" -> !(v instanceof Long number) || violatesRange(property, BigDecimal.valueOf(number));
			case "number" -> !(v instanceof Long || v instanceof BigDecimal || v instanceof BigInteger);
			case "boolean" -> !(v instanceof Boolean);
			default -> false;
		};
	}

	private static boolean violatesText(JsonNode property, String text) {
		if (!isPlainText(text) || text.length() > HUGE / 2) {
			return true;
		}
		int length = text.codePointCount(0, text.length());
		if (property.has("maxLength") && length > property.get("maxLength").asInt()) {
			return true;
		}
		if (property.has("minLength") && length < property.get("minLength").asInt()) {
			return true;
		}
		return property.has("pattern") && !Pattern.compile(property.get("pattern").asString()).matcher(text).matches();
	}

	private static boolean violatesRange(JsonNode property, BigDecimal number) {
		return (property.has("minimum") && number.compareTo(property.get("minimum").decimalValue()) < 0)
				|| (property.has("maximum") && number.compareTo(property.get("maximum").decimalValue()) > 0)
				|| (property.has("exclusiveMinimum")
						&& number.compareTo(property.get("exclusiveMinimum").decimalValue()) <= 0);
	}

	/**
	 * Whether a text holds no control character and no unpaired surrogate: what the app
	 * accepts as text at all.
	 */
	static boolean isPlainText(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				return false;
			}
			if (Character.isHighSurrogate(c)
					&& (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))) {
				return false;
			}
			if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Decodes percent-encoded UTF-8 strictly, {@code +} as a space.
	 * @return the text, or {@code null} when it is not correctly encoded UTF-8
	 */
	static String percentDecode(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
						|| Character.digit(raw.charAt(i + 2), 16) < 0) {
					return null;
				}
				bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else if (c > 0x7F) {
				return null;
			}
			else {
				bytes.write((c == '+') ? ' ' : c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	static String percentEncode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString();
	}

	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	private static String digits(String decimal, char zero) {
		StringBuilder out = new StringBuilder();
		for (char c : decimal.toCharArray()) {
			out.append((char) (zero + (c - '0')));
		}
		return out.toString();
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

}
