package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Address;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.rest.numbers.v2.regulatorycompliance.Bundle;
import com.twilio.rest.pricing.v1.phonenumber.Country;
import com.twilio.type.PhoneNumber;
import com.twilio.type.PhoneNumberPrice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The official twilio-java SDK drives the emulator on all four Twilio hosts through our
 * {@link BaseUrlHttpClient}, with one API base URL from which the messaging, pricing and
 * numbers hosts are derived (as {@code TWILIO_API_BASE_URL} alone does in live mode). A
 * subclass runs the same against the emulator as {@code --emulator} runs it.
 */
class TwilioSdkOnEmulatorHostsTests {

	private TwilioEmulator emulator;

	private StandaloneTwilioEmulator server;

	private BaseUrlHttpClient http;

	private TwilioRestClient twilio;

	@BeforeEach
	void start() {
		this.server = startServer();
		this.emulator = this.server.emulator();
		TwilioProperties properties = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, null, null,
				URI.create(this.server.baseUrl()), Duration.ofSeconds(5), Duration.ofSeconds(30), 4, 0,
				Duration.ofMillis(5), Duration.ofMillis(20));
		TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
		this.http = new BaseUrlHttpClient(endpoint.hosts(), properties);
		this.twilio = endpoint.restClient(this.http);
	}

	@AfterEach
	void stop() {
		this.http.close();
		stopServer();
	}

	/**
	 * Starts an emulator of the account {@link TwilioFixtures#ACCOUNT_SID}.
	 * @return the running server
	 */
	StandaloneTwilioEmulator startServer() {
		return StandaloneTwilioEmulator.start(new TwilioEmulator(ACCOUNT_SID, AUTH_TOKEN));
	}

	void stopServer() {
		this.server.close();
	}

	@Test
	void parentCredentialsCreateASubaccountBuyInItAndMoveTheNumber() {
		Account sub = Account.creator().setFriendlyName("Acme Dental").create(this.twilio);
		assertThat(sub.getOwnerAccountSid()).isEqualTo(ACCOUNT_SID);
		assertThat(sub.getAuthToken()).isNotBlank();

		IncomingPhoneNumber bought = IncomingPhoneNumber.creator(sub.getSid(), new PhoneNumber("+14155550100"))
			.setFriendlyName("Acme main line")
			.create(this.twilio);
		assertThat(bought.getAccountSid()).isEqualTo(sub.getSid());

		IncomingPhoneNumber moved = IncomingPhoneNumber.updater(sub.getSid(), bought.getSid())
			.setAccountSid(ACCOUNT_SID)
			.update(this.twilio);
		assertThat(moved.getAccountSid()).isEqualTo(ACCOUNT_SID);
		assertThat(IncomingPhoneNumber.fetcher(bought.getSid()).fetch(this.twilio).getFriendlyName())
			.isEqualTo("Acme main line");

		List<String> accounts = new ArrayList<>();
		Account.reader().read(this.twilio).forEach((account) -> accounts.add(account.getSid()));
		assertThat(accounts).containsExactly(ACCOUNT_SID, sub.getSid());
		assertThat(Account.updater(sub.getSid()).setStatus(Account.Status.SUSPENDED).update(this.twilio).getStatus())
			.isEqualTo(Account.Status.SUSPENDED);
	}

	@Test
	void aSubaccountsOwnCredentialsWorkOnItselfOnly() {
		Account sub = Account.creator().setFriendlyName("Own").create(this.twilio);
		TwilioRestClient subClient = new TwilioRestClient.Builder(sub.getSid(), sub.getAuthToken())
			.httpClient(this.http)
			.build();

		assertThat(Account.fetcher().fetch(subClient).getSid()).isEqualTo(sub.getSid());
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncomingPhoneNumber.reader(ACCOUNT_SID).firstPage(subClient))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(20003));
	}

	@Test
	void aNumberNeedingAnAddressIsBoughtOnceTheAccountHasOne() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber("+14155550190")).create(this.twilio))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(21631));

		Address address = Address
			.creator(ACCOUNT_SID, "Acme Dental", "1 Fictional Way", "San Francisco", "CA", "94103", "US")
			.create(this.twilio);
		IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber("+14155550190"))
			.setAddressSid(address.getSid())
			.create(this.twilio);

		assertThat(address.getSid()).startsWith("AD");
		assertThat(bought.getAddressSid()).isEqualTo(address.getSid());
	}

	@Test
	void aMessagingServiceTakesANumberOnceAndPagesOnTheMessagingHost() {
		IncomingPhoneNumber number = IncomingPhoneNumber.creator(new PhoneNumber("+14155550101")).create(this.twilio);
		Service service = Service.creator("Acme texts").create(this.twilio);
		Service.creator("Acme alerts").create(this.twilio);

		com.twilio.rest.messaging.v1.service.PhoneNumber sender = com.twilio.rest.messaging.v1.service.PhoneNumber
			.creator(service.getSid(), number.getSid())
			.create(this.twilio);
		assertThat(sender.getPhoneNumber().toString()).isEqualTo("+14155550101");
		assertThat(sender.getCapabilities()).contains("SMS");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(
					() -> com.twilio.rest.messaging.v1.service.PhoneNumber.creator(service.getSid(), number.getSid())
						.create(this.twilio))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(21710));

		List<String> names = new ArrayList<>();
		Service.reader().pageSize(1).read(this.twilio).forEach((each) -> names.add(each.getFriendlyName()));
		assertThat(names).containsExactly("Acme texts", "Acme alerts");
		assertThat(this.emulator.requestCount(Operation.SERVICE_LIST)).isEqualTo(2);
	}

	@Test
	void pricesAndBundlesComeFromTheirHosts() {
		Country us = Country.fetcher("US").fetch(this.twilio);
		assertThat(us.getPriceUnit().getCurrencyCode()).isEqualTo("USD");
		assertThat(us.getPhoneNumberPrices()).anySatisfy((price) -> {
			assertThat(price.getType()).isEqualTo(PhoneNumberPrice.Type.LOCAL);
			assertThat(price.getCurrentPrice()).isEqualTo(1.15);
		});

		List<Bundle> bundles = new ArrayList<>();
		Bundle.reader().read(this.twilio).forEach(bundles::add);
		assertThat(bundles).hasSize(3);
		Bundle mobile = bundles.stream()
			.filter((bundle) -> bundle.getFriendlyName().contains("mobile"))
			.findFirst()
			.orElseThrow();
		assertThat(mobile.getStatus().toString()).isEqualTo("twilio-approved");

		IncomingPhoneNumber bought = IncomingPhoneNumber.creator(new PhoneNumber("+447700900101"))
			.setBundleSid(mobile.getSid())
			.create(this.twilio);
		assertThat(bought.getBundleSid()).isEqualTo(mobile.getSid());
		assertThat(this.emulator.balance()).isEqualByComparingTo("498.60");
	}

}
