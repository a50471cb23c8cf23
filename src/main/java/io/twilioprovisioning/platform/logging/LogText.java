package io.twilioprovisioning.platform.logging;

/**
 * Makes text that came from outside safe to put in a log line: line breaks, other control
 * characters, and invisible or direction-changing Unicode characters become visible
 * escapes ({@code \n}, {@code \r}, {@code \t}, {@code \u202e}), so no input can start a
 * forged line or make a line read differently than it is written.
 */
public final class LogText {

	private LogText() {
	}

	/**
	 * Escapes line breaks, tabs, every other control character and invisible or
	 * direction-changing characters.
	 */
	public static String escape(CharSequence text) {
		return escape(text, true);
	}

	/**
	 * Escapes what {@link #escape(CharSequence)} does, except CR, LF and tab, for text
	 * that a JSON encoder escapes on its own.
	 */
	public static String escapeInvisible(CharSequence text) {
		return escape(text, false);
	}

	private static String escape(CharSequence text, boolean lineBreaks) {
		if (text == null) {
			return null;
		}
		String string = text.toString();
		int length = string.length();
		int first = 0;
		while (first < length && !needsEscape(string.codePointAt(first), lineBreaks)) {
			first += Character.charCount(string.codePointAt(first));
		}
		if (first >= length) {
			return string;
		}
		StringBuilder escaped = new StringBuilder(length + 16).append(string, 0, first);
		for (int i = first; i < length;) {
			int codePoint = string.codePointAt(i);
			int count = Character.charCount(codePoint);
			if (!needsEscape(codePoint, lineBreaks)) {
				escaped.append(string, i, i + count);
			}
			else if (codePoint == '\n') {
				escaped.append("\\n");
			}
			else if (codePoint == '\r') {
				escaped.append("\\r");
			}
			else if (codePoint == '\t') {
				escaped.append("\\t");
			}
			else {
				for (int j = i; j < i + count; j++) {
					escaped.append(String.format("\\u%04x", (int) string.charAt(j)));
				}
			}
			i += count;
		}
		return escaped.toString();
	}

	private static boolean needsEscape(int codePoint, boolean lineBreaks) {
		if (codePoint >= 0x20 && codePoint < 0x7f) {
			return false;
		}
		if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
			return lineBreaks;
		}
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE ->
				true;
			default -> false;
		};
	}

}
