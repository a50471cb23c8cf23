package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Balance;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The official twilio-java SDK parses what the emulator answers, through the custom
 * {@link HttpClient} hook that Twilio documents for local fakes.
 */
class TwilioSdkCompatibilityTests extends StandaloneEmulatorTest {

	@Test
	void sdkSearchesBuysUpdatesListsAndReleases() {
		TwilioRestClient twilio = sdkClient();

		ResourceSet<Local> offered = Local.reader("US")
			.setAreaCode(415)
			.setSmsEnabled(true)
			.setPageSize(5L)
			.read(twilio);
		Local first = offered.iterator().next();
		assertThat(first.getPhoneNumber().toString()).startsWith("+1415");
		assertThat(first.getCapabilities().getSms()).isTrue();
		assertThat(first.getLatitude()).isNotNull();

		IncomingPhoneNumber bought = IncomingPhoneNumber.creator(first.getPhoneNumber())
			.setFriendlyName("client 7")
			.setVoiceUrl("https://example.test/voice")
			.create(twilio);
		assertThat(bought.getSid()).startsWith("PN");
		assertThat(bought.getFriendlyName()).isEqualTo("client 7");
		assertThat(bought.getDateCreated()).isNotNull();
		assertThat(bought.getCapabilities().getVoice()).isTrue();

		IncomingPhoneNumber updated = IncomingPhoneNumber.updater(bought.getSid())
			.setSmsUrl("https://example.test/sms")
			.update(twilio);
		assertThat(updated.getSmsUrl()).hasToString("https://example.test/sms");
		assertThat(updated.getVoiceUrl()).hasToString("https://example.test/voice");

		assertThat(IncomingPhoneNumber.deleter(bought.getSid()).delete(twilio)).isTrue();
		assertThat(this.emulator.ownedCount()).isZero();
	}

	@Test
	void sdkFollowsNextPageUrisThroughTheWholeList() {
		this.emulator.preload(2_500);
		Set<String> sids = new HashSet<>();

		IncomingPhoneNumber.reader()
			.setPageSize(1000L)
			.read(sdkClient())
			.forEach((number) -> sids.add(number.getSid()));

		assertThat(sids).hasSize(2_500);
		assertThat(this.emulator.requestCount(Operation.LIST)).isEqualTo(3);
	}

	@Test
	void sdkReadsTwilioErrorCodes() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber(TwilioEmulator.MAGIC_UNAVAILABLE))
				.create(sdkClient()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(21422);
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.getMoreInfo()).endsWith("/21422");
			});
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncomingPhoneNumber.fetcher("PN" + "0".repeat(32)).fetch(sdkClient()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20404));
	}

	@Test
	void sdkReadsAccountAndBalance() {
		TwilioRestClient twilio = sdkClient();

		Account account = Account.fetcher(TwilioEmulator.DEFAULT_ACCOUNT_SID).fetch(twilio);
		Balance balance = Balance.fetcher().fetch(twilio);

		assertThat(account.getStatus()).isEqualTo(Account.Status.ACTIVE);
		assertThat(account.getType()).isEqualTo(Account.Type.FULL);
		assertThat(balance.getBalance()).isEqualTo("500.00");
		assertThat(balance.getCurrency()).isEqualTo("USD");
	}

	private TwilioRestClient sdkClient() {
		return new TwilioRestClient.Builder(TwilioEmulator.DEFAULT_ACCOUNT_SID, TwilioEmulator.DEFAULT_AUTH_TOKEN)
			.httpClient(new LocalTwilioHttp(this.server.baseUrl()))
			.build();
	}

	/**
	 * Sends the SDK's requests to the emulator instead of {@code api.twilio.com}.
	 */
	private static final class LocalTwilioHttp extends HttpClient {

		private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

		private final String base;

		LocalTwilioHttp(String base) {
			this.base = base;
		}

		@Override
		public Response makeRequest(Request request) {
			try {
				URL url = request.constructURL();
				HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + url.getFile()))
					.header("Authorization", request.getAuthString());
				if (request.getMethod() == HttpMethod.POST) {
					builder.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(request.getPostParams())));
				}
				else {
					builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
				}
				HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
				return new Response(response.body(), response.statusCode());
			}
			catch (IOException ex) {
				throw new ApiConnectionException(ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ApiConnectionException(ex.getMessage(), ex);
			}
		}

		private static String form(Map<String, List<String>> parameters) {
			StringJoiner form = new StringJoiner("&");
			parameters.forEach(
					(name, values) -> values.forEach((value) -> form.add(URLEncoder.encode(name, StandardCharsets.UTF_8)
							+ "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
			return form.toString();
		}

	}

}
