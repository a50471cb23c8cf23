package io.twilioprovisioning.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed form posts to the running server, as Twilio sends them. The server listens on a
 * random port while {@code app.base-url} says {@code http://localhost:8080}: the proxy
 * case, where the URL Twilio signed is the configured public one.
 */
@RunningServerTest
class TwilioWebhooksTests {

	private static final String UNKNOWN_NUMBER = "+15005550199";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	NumberLifecycle numbers;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void voiceForAnUnknownNumberAnswersTwimlThatHangsUp() {
		HttpResponse<String> response = post("/webhooks/twilio/voice", voiceCall(UNKNOWN_NUMBER), signed());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/xml"));
		assertThat(response.body()).contains("<Response><Say>").contains("<Hangup/></Response>");
	}

	@Test
	void voiceForAnAssignedNumberNamesItsClient() {
		Client client = this.clients.create("Webhook Smith & Sons " + UUID.randomUUID().toString().substring(0, 8),
				null);
		TrackedNumber number = this.numbers
			.purchase(new PurchaseCommand(untrackedNumber(), null, client.id(), null, null, "test"))
			.number();

		HttpResponse<String> response = post("/webhooks/twilio/voice", voiceCall(number.e164()), signed());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/xml"));
		assertThat(response.body()).contains("<Say>")
			.contains(client.name().replace("&", "&amp;"))
			.contains("client " + client.id())
			.doesNotContain("<Hangup/>");
	}

	/**
	 * The webhooks answer from remembered look-ups (AssignedNumbers): each lifecycle step
	 * that commits is seen by the very next webhook, not after the answers expire.
	 */
	@Test
	void voiceFollowsTheNumberThroughReassignmentAndRelease() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Client first = this.clients.create("Webhook first " + suffix, null);
		Client second = this.clients.create("Webhook second " + suffix, null);
		TrackedNumber number = this.numbers
			.purchase(new PurchaseCommand(untrackedNumber(), null, first.id(), null, null, "test"))
			.number();
		assertThat(post("/webhooks/twilio/voice", voiceCall(number.e164()), signed()).body())
			.contains("client " + first.id());

		this.numbers.reassign(NumberRef.of(number.phoneNumber()), second.id(), first.id(), "test");
		assertThat(post("/webhooks/twilio/voice", voiceCall(number.e164()), signed()).body())
			.contains("client " + second.id())
			.doesNotContain("client " + first.id());

		this.numbers.release(NumberRef.of(number.phoneNumber()), number.e164(), "test");
		assertThat(post("/webhooks/twilio/voice", voiceCall(number.e164()), signed()).body()).contains("not in service")
			.contains("<Hangup/>");
	}

	@Test
	void smsIsAcknowledgedWithoutAReply() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("MessageSid", "SM" + "0".repeat(32));
		params.put("From", "+14155550123");
		params.put("To", UNKNOWN_NUMBER);
		params.put("Body", "hello & goodbye");

		HttpResponse<String> response = post("/webhooks/twilio/sms", params, signed());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).endsWith("<Response/>");
	}

	@Test
	void statusCallbackAnswersNoContent() {
		Map<String, String> params = voiceCall(UNKNOWN_NUMBER);
		params.put("CallStatus", "completed");

		HttpResponse<String> response = post("/webhooks/twilio/status", params, signed());

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void everyEndpointRefusesAMissingSignature() {
		for (String path : new String[] { "/webhooks/twilio/voice", "/webhooks/twilio/sms",
				"/webhooks/twilio/status" }) {
			assertThat(post(path, voiceCall(UNKNOWN_NUMBER), (url, params) -> null).statusCode()).as(path)
				.isEqualTo(403);
		}
	}

	@Test
	void everyEndpointRefusesASignatureMadeWithAnotherToken() {
		for (String path : new String[] { "/webhooks/twilio/voice", "/webhooks/twilio/sms",
				"/webhooks/twilio/status" }) {
			HttpResponse<String> response = post(path, voiceCall(UNKNOWN_NUMBER),
					(url, params) -> TwilioSigner.sign("not-the-token", url, params));
			assertThat(response.statusCode()).as(path).isEqualTo(403);
		}
	}

	@Test
	void voiceRefusesATamperedParameter() {
		Map<String, String> signedParams = voiceCall(UNKNOWN_NUMBER);
		String signature = TwilioSigner.sign(token(), publicUrl("/webhooks/twilio/voice"), signedParams);
		Map<String, String> tampered = new LinkedHashMap<>(signedParams);
		tampered.put("To", "+15005550198");

		HttpResponse<String> response = post("/webhooks/twilio/voice", tampered, (url, params) -> signature);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain(signature);
	}

	@Test
	void voiceRefusesASignatureOverTheLocalUrlInsteadOfThePublicOne() {
		String localUrl = "http://127.0.0.1:" + this.port + "/webhooks/twilio/voice";

		HttpResponse<String> response = post("/webhooks/twilio/voice", voiceCall(UNKNOWN_NUMBER),
				(url, params) -> TwilioSigner.sign(token(), localUrl, params));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	private E164Number untrackedNumber() {
		return FreshNumbers.forSale(this.numbers, this.jdbc, "415");
	}

	private static Map<String, String> voiceCall(String to) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("CallSid", "CA" + "1".repeat(32));
		params.put("AccountSid", "AC" + "2".repeat(32));
		params.put("From", "+14155550123");
		params.put("To", to);
		params.put("CallStatus", "ringing");
		return params;
	}

	private String token() {
		return this.environment.getRequiredProperty("sandbox.auth-token");
	}

	private String publicUrl(String path) {
		return this.environment.getRequiredProperty("app.base-url") + path;
	}

	private Signer signed() {
		return (url, params) -> TwilioSigner.sign(token(), url, params);
	}

	private HttpResponse<String> post(String path, Map<String, String> params, Signer signer) {
		String body = params.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		String signature = signer.sign(publicUrl(path), params);
		if (signature != null) {
			request.header("X-Twilio-Signature", signature);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Produces the {@code X-Twilio-Signature} of a request, or {@code null} for none.
	 */
	@FunctionalInterface
	private interface Signer {

		String sign(String url, Map<String, String> params);

	}

}
