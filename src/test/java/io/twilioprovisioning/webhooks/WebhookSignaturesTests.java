package io.twilioprovisioning.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.twilioprovisioning.webhooks.WebhookSignatures.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature check against the verified test vector of docs/twilio-notes.md §6.
 */
class WebhookSignaturesTests {

	private static final String VECTOR_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

	private final WebhookSignatures signatures = new WebhookSignatures("https://mycompany.com/", "12345", "test token");

	@Test
	void acceptsTheDocumentedTestVector() {
		String url = this.signatures.publicUrl("/myapp.php", "foo=1&bar=2");

		assertThat(url).isEqualTo("https://mycompany.com/myapp.php?foo=1&bar=2");
		assertThat(this.signatures.verify(url, vectorParameters(), VECTOR_SIGNATURE)).isEqualTo(Verdict.VALID);
	}

	@Test
	void independentSignerReproducesTheTestVector() {
		assertThat(TwilioSigner.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", vectorParameters()))
			.isEqualTo(VECTOR_SIGNATURE);
	}

	@Test
	void refusesATamperedParameter() {
		Map<String, String> params = vectorParameters();
		params.put("To", "+18005551213");

		assertThat(this.signatures.verify("https://mycompany.com/myapp.php?foo=1&bar=2", params, VECTOR_SIGNATURE))
			.isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void refusesAnotherUrl() {
		assertThat(this.signatures.verify("https://mycompany.com/myapp.php?foo=1&bar=3", vectorParameters(),
				VECTOR_SIGNATURE))
			.isEqualTo(Verdict.MISMATCH);
		assertThat(this.signatures.verify("http://10.0.0.5:8080/myapp.php?foo=1&bar=2", vectorParameters(),
				VECTOR_SIGNATURE))
			.isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void refusesAnotherToken() {
		WebhookSignatures other = new WebhookSignatures("https://mycompany.com", "54321", "test token");

		assertThat(other.verify("https://mycompany.com/myapp.php?foo=1&bar=2", vectorParameters(), VECTOR_SIGNATURE))
			.isEqualTo(Verdict.MISMATCH);
	}

	@Test
	void refusesAMissingSignature() {
		assertThat(this.signatures.verify("https://mycompany.com/myapp.php?foo=1&bar=2", vectorParameters(), null))
			.isEqualTo(Verdict.MISSING);
		assertThat(this.signatures.verify("https://mycompany.com/myapp.php?foo=1&bar=2", vectorParameters(), " "))
			.isEqualTo(Verdict.MISSING);
	}

	@Test
	void refusesEvenAValidSignatureWithoutAnAuthToken() {
		WebhookSignatures apiKeyOnly = new WebhookSignatures("https://mycompany.com", null, "test token");

		assertThat(apiKeyOnly.canVerify()).isFalse();
		assertThat(
				apiKeyOnly.verify("https://mycompany.com/myapp.php?foo=1&bar=2", vectorParameters(), VECTOR_SIGNATURE))
			.isEqualTo(Verdict.NO_AUTH_TOKEN);
	}

	@Test
	void publicUrlUsesTheConfiguredBaseAndOmitsAnEmptyQuery() {
		assertThat(this.signatures.publicUrl("/webhooks/twilio/voice", null))
			.isEqualTo("https://mycompany.com/webhooks/twilio/voice");
		assertThat(this.signatures.publicUrl("/webhooks/twilio/voice", ""))
			.isEqualTo("https://mycompany.com/webhooks/twilio/voice");
	}

	@Test
	void formParametersLeaveOutTheQueryParameters() {
		Map<String, String[]> merged = new LinkedHashMap<>();
		merged.put("foo", new String[] { "1" });
		merged.put("bar", new String[] { "2", "body-bar" });
		merged.put("To", new String[] { "+18005551212" });

		assertThat(WebhookSignatures.formParameters(merged, "foo=1&bar=2"))
			.containsExactly(Map.entry("bar", "body-bar"), Map.entry("To", "+18005551212"));
	}

	@Test
	void toStringShowsNoToken() {
		assertThat(this.signatures.toString()).doesNotContain("12345").contains("https://mycompany.com");
	}

	private static Map<String, String> vectorParameters() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("CallSid", "CA1234567890ABCDE");
		params.put("Caller", "+12349013030");
		params.put("Digits", "1234");
		params.put("From", "+12349013030");
		params.put("To", "+18005551212");
		return params;
	}

}
