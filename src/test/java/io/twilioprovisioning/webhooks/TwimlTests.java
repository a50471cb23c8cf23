package io.twilioprovisioning.webhooks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TwiML text is escaped so a client's name cannot break or inject markup.
 */
class TwimlTests {

	@Test
	void escapesMarkupInSpokenText() {
		assertThat(Twiml.say("Smith & Sons <Hangup/> \"quoted\" 'single'"))
			.endsWith("<Response><Say>Smith &amp; Sons &lt;Hangup/&gt; &quot;quoted&quot; &apos;single&apos;</Say>"
					+ "</Response>");
	}

	@Test
	void dropsCharactersXmlCannotHold() {
		assertThat(Twiml.escape("a\u0000b\u0007c\td")).isEqualTo("abc\td");
	}

	@Test
	void emptyResponseSendsNoReply() {
		assertThat(Twiml.empty()).endsWith("<Response/>");
	}

}
