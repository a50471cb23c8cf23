package io.twilioprovisioning.web;

/**
 * Request text fit for a log line: control characters (line breaks above all, which would
 * forge a log line) replaced by {@code ?}, at most 200 characters.
 */
final class LogText {

	private static final int MAX = 200;

	private LogText() {
	}

	static String of(String text) {
		if (text == null) {
			return "-";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
		for (int i = 0; i < text.length() && out.length() < MAX; i++) {
			char c = text.charAt(i);
			out.append((Character.isISOControl(c) || Character.isSurrogate(c)) ? '?' : c);
		}
		return (text.length() > MAX) ? out + "…" : out.toString();
	}

}
