package io.twilioprovisioning.twilio;

import java.util.regex.Pattern;

/**
 * Keeps credentials and account SIDs out of what the adapter logs and throws.
 */
final class Secrets {

	private static final Pattern SID = Pattern.compile("\\b(AC|SK)([0-9a-fA-F]{28})([0-9a-fA-F]{4})\\b");

	private Secrets() {
	}

	/**
	 * A SID with all but its prefix and last 4 characters hidden; {@code null} stays
	 * {@code "<unset>"}.
	 */
	static String maskSid(String sid) {
		if (sid == null) {
			return "<unset>";
		}
		if (sid.length() < 8) {
			return "****";
		}
		return sid.substring(0, 2) + "*".repeat(sid.length() - 6) + sid.substring(sid.length() - 4);
	}

	/**
	 * Says whether a secret is set without showing it.
	 */
	static String presence(String secret) {
		return (secret != null) ? "<set>" : "<unset>";
	}

	/**
	 * Masks every account or API key SID in a path or message.
	 */
	static String maskSids(String text) {
		if (text == null) {
			return null;
		}
		return SID.matcher(text).replaceAll(match -> match.group(1) + "*".repeat(28) + match.group(3));
	}

}
