package io.twilioprovisioning.twilio;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioSpecs;
import io.twilioprovisioning.tenancy.AddressForm;
import io.twilioprovisioning.tenancy.TenancyCarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request the adapter sends for tenancy — subaccounts, purchases, updates and
 * transfers in a subaccount, Addresses, Messaging Services, their numbers and A2P 10DLC
 * campaigns — is valid for Twilio's official OpenAPI descriptions: its operation exists
 * for the method and path, every path, query and form parameter is declared, required
 * ones are sent, and each value fits its schema (SID patterns, enums, types). The
 * requests are recorded on their way to the emulator, so they are exactly what the SDK
 * puts on the wire.
 */
class TenancyRequestConformanceTests {

	private static final TwilioSpecs SPECS = new TwilioSpecs();

	private TwilioEmulator emulator;

	private StandaloneTwilioEmulator server;

	private BaseUrlHttpClient http;

	private final List<Request> sent = new ArrayList<>();

	private NumberCarrier numbers;

	private TenancyCarrier tenancy;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void start() {
		this.emulator = new TwilioEmulator(ACCOUNT_SID, AUTH_TOKEN);
		this.server = StandaloneTwilioEmulator.start(this.emulator);
		TwilioProperties properties = TwilioFixtures.properties(URI.create(this.server.baseUrl()));
		TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
		this.http = new BaseUrlHttpClient(endpoint::baseUrl, properties.connectTimeout(), properties.readTimeout(),
				properties.maxConcurrency(), properties.retryPolicy(), BaseUrlHttpClient.Sleeper.THREAD);
		TwilioRestClient client = endpoint.restClient(new Recording(this.http, this.sent));
		this.numbers = new TwilioNumberCarrier(client, new TwilioMetrics(this.registry));
		this.tenancy = new TwilioTenancyCarrier(client, new TwilioMetrics(this.registry));
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.server.close();
	}

	@Test
	void everyTenancyRequestIsValidForTwiliosDescription() {
		TenancyCarrier.Subaccount acme = this.tenancy.createSubaccount("Acme Dental (client 1)");
		TenancyCarrier.Subaccount globex = this.tenancy.createSubaccount("Globex (client 2)");
		assertThat(this.registry.get(TwilioMetrics.CALLS)
			.tag("operation", "subaccount_create")
			.tag("outcome", "success")
			.timer()
			.count()).as("tenancy calls are measured like the number carrier's").isEqualTo(2);
		assertThat(this.tenancy.findSubaccounts("Acme Dental (client 1)")).extracting(TenancyCarrier.Subaccount::sid)
			.containsExactly(acme.sid());
		String address = this.tenancy.createAddress(acme.sid(),
				new AddressForm("Acme Dental", "1 Fictional Way", "San Francisco", "CA", "94103", "US"));
		String service = this.tenancy.createService(acme.sid(), "Acme Dental (client 1)", null);
		String mainService = this.tenancy.createService(null, "Shared texts", null);
		assertThat(this.tenancy.findServices(acme.sid(), "Acme Dental (client 1)")).containsExactly(service);

		NumberCarrier inAcme = this.numbers.inAccount(acme.sid());
		OwnedNumber bought = inAcme.purchase(PurchaseOrder
			.number(new E164Number("+14155550190"), "Acme Dental",
					new WebhookConfig("https://app.example.com/voice", WebhookMethod.POST, null,
							"https://app.example.com/sms", WebhookMethod.POST, null, "https://app.example.com/status"))
			.withRequirements(address, null));
		inAcme.update(bought.sid(), new io.twilioprovisioning.numbers.NumberUpdate("Acme Dental", null));
		assertThat(inAcme.findByPhoneNumber(bought.phoneNumber())).isPresent();
		this.tenancy.addToService(acme.sid(), service, bought.sid());
		assertThat(this.tenancy.serviceNumbers(acme.sid(), service)).containsExactly(bought.sid());
		assertThat(this.tenancy.campaigns(acme.sid(), service)).isEmpty();
		assertThat(this.tenancy.removeFromService(acme.sid(), service, bought.sid())).isTrue();
		this.tenancy.createAddress(globex.sid(),
				new AddressForm("Globex", "2 Fictional Way", "Oakland", "CA", "94607", "US"));
		inAcme.transfer(bought.sid(), globex.sid());
		NumberCarrier inGlobex = this.numbers.inAccount(globex.sid());
		assertThat(inGlobex.fetch(bought.sid())).isPresent();
		this.tenancy.createAddress(null, new AddressForm("Main", "3 Fictional Way", "Austin", "TX", "73301", "US"));
		inGlobex.transfer(bought.sid(), null);
		assertThat(this.numbers.fetch(bought.sid())).isPresent();
		this.tenancy.addToService(null, mainService, bought.sid());
		assertThat(this.numbers.release(bought.sid())).isTrue();
		assertThat(this.emulator.owned(bought.sid())).isEmpty();

		List<String> violations = new ArrayList<>();
		Set<String> operations = new LinkedHashSet<>();
		for (Request request : this.sent) {
			URI url = URI.create(request.getUrl());
			TwilioSpecs.SpecOperation operation = SPECS.operationForUrl(request.getMethod().toString(), url);
			assertThat(operation).as(request.getMethod() + " " + url).isNotNull();
			operations.add(operation.id());
			SPECS.validateRequest(operation, url.getPath(), request.getQueryParams(), request.getPostParams())
				.forEach((error) -> violations.add(operation.id() + ": " + error));
		}

		assertThat(violations).isEmpty();
		assertThat(operations).contains("CreateAccount", "ListAccount", "FetchAccount", "CreateAddress",
				"CreateIncomingPhoneNumber", "UpdateIncomingPhoneNumber", "FetchIncomingPhoneNumber",
				"ListIncomingPhoneNumber", "DeleteIncomingPhoneNumber", "CreateService", "ListService",
				"CreatePhoneNumber", "ListPhoneNumber", "DeletePhoneNumber", "ListUsAppToPerson");
	}

	@Test
	void aRequestOutsideTheDescriptionIsCaught() {
		TwilioSpecs.SpecOperation update = SPECS.operationForUrl("POST", URI
			.create("https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers/PN123.json"));

		List<String> errors = SPECS.validateRequest(update,
				"/2010-04-01/Accounts/" + ACCOUNT_SID + "/IncomingPhoneNumbers/PN123.json", Map.of(),
				Map.of("AccountSid", List.of("not-an-account"), "Owner", List.of("x"), "VoiceMethod", List.of("PUT")));

		assertThat(errors).anySatisfy((error) -> assertThat(error).startsWith("path Sid"))
			.anySatisfy((error) -> assertThat(error).startsWith("form AccountSid"))
			.anySatisfy((error) -> assertThat(error).startsWith("form Owner is not a parameter"))
			.anySatisfy((error) -> assertThat(error).startsWith("form VoiceMethod"));
	}

	/**
	 * Records each request, then sends it through the real transport.
	 */
	private static final class Recording extends HttpClient {

		private final HttpClient delegate;

		private final List<Request> sent;

		Recording(HttpClient delegate, List<Request> sent) {
			this.delegate = delegate;
			this.sent = sent;
		}

		@Override
		public Response reliableRequest(Request request) {
			this.sent.add(request);
			return this.delegate.reliableRequest(request);
		}

		@Override
		public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
			return reliableRequest(request);
		}

		@Override
		public Response makeRequest(Request request) {
			return reliableRequest(request);
		}

	}

}
