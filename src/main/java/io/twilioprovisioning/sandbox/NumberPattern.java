package io.twilioprovisioning.sandbox;

import java.util.regex.Pattern;

/**
 * Matches phone numbers the way Twilio's {@code Contains} search parameter and the
 * {@code PhoneNumber} list filter do, for the subset the emulator supports.
 * <ul>
 * <li>digits match themselves; letters match their telephone keypad digit ({@code STORM}
 * = {@code 78676});</li>
 * <li>{@code *} matches any one digit, {@code %} any run of digits;</li>
 * <li>a leading {@code +} anchors the pattern at the start of the E.164 number (country
 * code included), a trailing {@code $} at its end; otherwise the pattern may match
 * anywhere.</li>
 * </ul>
 * Other characters (spaces, dashes, parentheses) are ignored.
 */
final class NumberPattern {

	private static final String KEYPAD = "22233344455566677778889999";

	private final Pattern pattern;

	private NumberPattern(Pattern pattern) {
		this.pattern = pattern;
	}

	static NumberPattern compile(String text) {
		String body = text.strip();
		boolean anchorStart = body.startsWith("+");
		boolean anchorEnd = body.endsWith("$");
		StringBuilder regex = new StringBuilder(anchorStart ? "^" : "");
		for (char c : body.toCharArray()) {
			if (c >= '0' && c <= '9') {
				regex.append(c);
			}
			else if (Character.isLetter(c) && Character.toUpperCase(c) >= 'A' && Character.toUpperCase(c) <= 'Z') {
				regex.append(KEYPAD.charAt(Character.toUpperCase(c) - 'A'));
			}
			else if (c == '*') {
				regex.append("\\d");
			}
			else if (c == '%') {
				regex.append("\\d*");
			}
		}
		if (anchorEnd) {
			regex.append('$');
		}
		return new NumberPattern(Pattern.compile(regex.toString()));
	}

	/**
	 * Whether the value is a complete E.164 number without wildcards, so a lookup by key
	 * can replace a scan.
	 */
	static boolean isExact(String text) {
		return text != null && text.strip().matches("\\+[1-9]\\d{6,14}");
	}

	boolean matches(String e164) {
		return this.pattern.matcher(e164.substring(1)).find();
	}

}
