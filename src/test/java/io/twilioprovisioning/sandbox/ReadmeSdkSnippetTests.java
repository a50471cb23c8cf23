package io.twilioprovisioning.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.rest.numbers.v2.regulatorycompliance.Bundle;
import com.twilio.rest.pricing.v1.phonenumber.Country;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The twilio-java set-up the README shows ("The Twilio emulator alone"), run as written
 * against the emulator that {@code --emulator} starts: keep {@link EmulatorHttpClient}
 * and the README in step.
 */
@TestInstance(Lifecycle.PER_CLASS)
class ReadmeSdkSnippetTests {

	private EmulatorCommand command;

	@BeforeAll
	void start() {
		this.command = EmulatorCommand.start();
	}

	@AfterAll
	void stop() {
		this.command.close();
	}

	@Test
	void twilioJavaWithTheReadmesHttpClientReachesEveryHost() {
		TwilioRestClient client = new TwilioRestClient.Builder("AC5a4db0c5000000000000000000000000",
				"sandbox0auth0token0not0a0secret0")
			.httpClient(new EmulatorHttpClient(this.command.server().baseUrl()))
			.build();

		Local offer = Local.reader("US").setAreaCode(415).limit(1).read(client).iterator().next();
		IncomingPhoneNumber number = IncomingPhoneNumber.creator(offer.getPhoneNumber()).create(client);
		Account sub = Account.creator().setFriendlyName("Acme Dental").create(client);
		Service service = Service.creator("Acme texts").create(client);
		com.twilio.rest.messaging.v1.service.PhoneNumber.creator(service.getSid(), number.getSid()).create(client);
		Country us = Country.fetcher("US").fetch(client);
		List<Bundle> bundles = new ArrayList<>();
		Bundle.reader().pageSize(1).read(client).forEach(bundles::add);

		assertThat(number.getPhoneNumber().toString()).startsWith("+1415");
		assertThat(sub.getOwnerAccountSid()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(us.getPhoneNumberPrices()).isNotEmpty();
		assertThat(bundles).hasSize(3);
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber("+15005550000")).create(client))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(21422));
	}

	/**
	 * The README's class: twilio-java's documented hook (a custom {@code HttpClient} on
	 * {@code TwilioRestClient.Builder}) sending {@code https://{product}.twilio.com/…} to
	 * {@code {emulator}/{product}/…}, and {@code api.twilio.com} to {@code {emulator}/…}.
	 */
	static class EmulatorHttpClient extends NetworkHttpClient {

		private final String emulator;

		EmulatorHttpClient(String emulator) {
			this.emulator = emulator;
		}

		@Override
		public Response makeRequest(Request request) {
			URI twilio = URI.create(request.getUrl());
			String product = twilio.getHost().split("\\.")[0];
			Request local = new Request(request.getMethod(),
					this.emulator + ("api".equals(product) ? "" : "/" + product) + twilio.getRawPath()
							+ ((twilio.getRawQuery() != null) ? "?" + twilio.getRawQuery() : ""));
			local.setAuth(request.getUsername(), request.getPassword());
			request.getQueryParams().forEach((name, values) -> values.forEach((v) -> local.addQueryParam(name, v)));
			request.getPostParams().forEach((name, values) -> values.forEach((v) -> local.addPostParam(name, v)));
			return super.makeRequest(local);
		}

	}

}
