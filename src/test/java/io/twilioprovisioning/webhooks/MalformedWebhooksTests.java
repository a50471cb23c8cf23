package io.twilioprovisioning.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.twilioprovisioning.support.RawHttpSession;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsigned, malformed webhooks from anyone on the internet: a form body that is not
 * percent-encoded UTF-8 is a 400, one over Tomcat's form limit (2 MB) a 413, each with
 * one WARN line and never an ERROR or a stack trace.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedWebhooksTests {

	static final String[] ENDPOINTS = { "/webhooks/twilio/voice", "/webhooks/twilio/sms", "/webhooks/twilio/status" };

	static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept",
			"*/*");

	@LocalServerPort
	int port;

	RawHttpSession http;

	@BeforeEach
	void setUp() {
		this.http = new RawHttpSession(this.port);
	}

	@AfterEach
	void tearDown() {
		this.http.close();
	}

	@Test
	void badPercentEncodingIsA400WithOneWarning(CapturedOutput output) {
		int before = warnings(output);
		int sent = 0;
		for (String endpoint : ENDPOINTS) {
			for (String body : new String[] { "To=%ZZ", "a=%", "%FF%FE", "To=%2B1415%E2%28%A1", "CallSid=%C0%80" }) {
				RawHttpSession.Response response = this.http.send("POST", endpoint, FORM,
						body.getBytes(StandardCharsets.US_ASCII));
				sent++;
				assertThat(response.status()).as(endpoint + " " + body).isEqualTo(400);
				assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
			}
			RawHttpSession.Response query = this.http.send("POST", endpoint + "?To=%ZZ", FORM,
					"From=%2B14155550100".getBytes(StandardCharsets.US_ASCII));
			sent++;
			assertThat(query.status()).as(endpoint + "?To=%ZZ").isEqualTo(400);
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(warnings(output) - before).isEqualTo(sent);
	}

	@Test
	void aFormBodyOverTwoMegabytesIsA413(CapturedOutput output) {
		byte[] body = new byte[2 * 1024 * 1024 + 1000];
		Arrays.fill(body, (byte) 'a');
		System.arraycopy("To=".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 3);
		for (String endpoint : ENDPOINTS) {
			RawHttpSession.Response response = this.http.send("POST", endpoint, FORM, body);
			assertThat(response.status()).as(endpoint).isEqualTo(413);
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat ");
		assertThat(output.getAll()).contains("form body too large");
	}

	private static int warnings(CapturedOutput output) {
		return (int) output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") && line.contains("RequestParametersFilter"))
			.count();
	}

}
