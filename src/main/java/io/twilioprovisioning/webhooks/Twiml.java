package io.twilioprovisioning.webhooks;

/**
 * The few TwiML documents the webhooks answer, with their text XML-escaped.
 */
final class Twiml {

	private static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

	private Twiml() {
	}

	/**
	 * A document that does nothing: no reply to an SMS.
	 */
	static String empty() {
		return PROLOGUE + "<Response/>";
	}

	/**
	 * Says a text to the caller.
	 */
	static String say(String text) {
		return PROLOGUE + "<Response><Say>" + escape(text) + "</Say></Response>";
	}

	/**
	 * Says a text to the caller, then hangs up.
	 */
	static String sayAndHangUp(String text) {
		return PROLOGUE + "<Response><Say>" + escape(text) + "</Say><Hangup/></Response>";
	}

	/**
	 * Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold.
	 */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> {
					if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
							|| c >= 0x10000) {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}

}
