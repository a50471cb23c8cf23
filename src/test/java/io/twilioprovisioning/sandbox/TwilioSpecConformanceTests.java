package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the emulator gives on the endpoints added for subaccounts, addresses,
 * Messaging Services, prices and Bundles (and the number endpoints they changed)
 * validates against the response schema of the matching operation in Twilio's official
 * OpenAPI descriptions ({@code src/test/resources/twilio-spec/}).
 *
 * <p>
 * Left out: the per-type AvailablePhoneNumbers searches, whose {@code latitude} and
 * {@code longitude} Twilio declares as numbers but sends as strings (its own examples and
 * live answers, API-NOTES §1.4; the emulator sends strings), and error answers, for which
 * the descriptions declare no schema (their shape is pinned by
 * {@code PurchaseTests.assertError}).
 */
class TwilioSpecConformanceTests extends StandaloneEmulatorTest {

	private static final TwilioSpecs SPECS = new TwilioSpecs();

	private static final Map<TwilioHost, List<String>> COVERED = Map.of(TwilioHost.API,
			List.of("ListAccount", "CreateAccount", "FetchAccount", "UpdateAccount", "FetchBalance", "ListAddress",
					"CreateAddress", "FetchAddress", "UpdateAddress", "DeleteAddress",
					"ListAvailablePhoneNumberCountry", "FetchAvailablePhoneNumberCountry", "CreateIncomingPhoneNumber",
					"FetchIncomingPhoneNumber", "UpdateIncomingPhoneNumber", "ListIncomingPhoneNumber",
					"DeleteIncomingPhoneNumber"),
			TwilioHost.MESSAGING,
			List.of("ListService", "CreateService", "FetchService", "UpdateService", "DeleteService", "ListPhoneNumber",
					"CreatePhoneNumber", "FetchPhoneNumber", "DeletePhoneNumber", "ListUsAppToPerson"),
			TwilioHost.PRICING, List.of("ListPhoneNumberCountry", "FetchPhoneNumberCountry"), TwilioHost.NUMBERS,
			List.of("ListBundle", "FetchBundle"));

	/**
	 * Operations whose examples in the descriptions contradict their own schema: unset
	 * application SIDs are {@code ""} there, which the SID pattern refuses (the emulator
	 * answers {@code null}).
	 */
	private static final Set<String> CONTRADICTORY_EXAMPLES = Set.of("FetchIncomingPhoneNumber",
			"ListIncomingPhoneNumber", "UpdateIncomingPhoneNumber");

	private final List<Exchange> exchanges = new ArrayList<>();

	@Test
	void everyAnswerOfTheNewEndpointsConformsToTwiliosDescription() {
		driveEveryEndpoint();

		List<String> violations = new ArrayList<>();
		Set<String> covered = new LinkedHashSet<>();
		for (Exchange exchange : this.exchanges) {
			assertThat(exchange.status()).as(exchange.toString()).isBetween(200, 299);
			TwilioHost host = TwilioHost.of(exchange.path());
			String path = exchange.path().substring(host.prefix().length()).split("\\?")[0];
			TwilioSpecs.SpecOperation operation = SPECS.operation(host, exchange.method(), path);
			assertThat(operation).as("an operation of Twilio's description for " + exchange).isNotNull();
			covered.add(host + " " + operation.id());
			SPECS.validate(operation, exchange.status(), exchange.body())
				.forEach((error) -> violations.add(operation.id() + " " + exchange.status() + ": " + error));
		}

		assertThat(violations).isEmpty();
		COVERED.forEach((host, ids) -> ids.forEach((id) -> assertThat(covered).contains(host + " " + id)));
	}

	@Test
	void twiliosOwnExamplesOfTheseOperationsConformToTheSameSchemas() {
		List<String> violations = new ArrayList<>();
		int examples = 0;
		for (Map.Entry<TwilioHost, List<String>> host : COVERED.entrySet()) {
			for (String id : host.getValue()) {
				if (CONTRADICTORY_EXAMPLES.contains(id)) {
					continue;
				}
				TwilioSpecs.SpecOperation operation = SPECS.operation(host.getKey(), id);
				for (String status : operation.statuses()) {
					for (String example : SPECS.examples(operation, Integer.parseInt(status))) {
						examples++;
						SPECS.validate(operation, Integer.parseInt(status), example)
							.forEach((error) -> violations.add(id + " " + status + ": " + error));
					}
				}
			}
		}

		assertThat(examples).isGreaterThan(20);
		assertThat(violations).isEmpty();
	}

	@Test
	void aWrongShapeIsCaught() {
		TwilioSpecs.SpecOperation fetchService = SPECS.operation(TwilioHost.MESSAGING, "FetchService");

		List<String> errors = SPECS.validate(fetchService, 200, """
				{"sid": "PN123", "validity_period": "soon", "date_created": "Thu, 30 Jul 2015 20:12:31 +0000"}""");

		assertThat(errors).anySatisfy((error) -> assertThat(error).startsWith("/sid:"))
			.anySatisfy((error) -> assertThat(error).startsWith("/validity_period:"))
			.anySatisfy((error) -> assertThat(error).startsWith("/date_created:"));
	}

	private void driveEveryEndpoint() {
		EmulatorClient.Reply account = post("/2010-04-01/Accounts.json", "FriendlyName", "Acme Dental");
		String sub = account.text("sid");
		get("/2010-04-01/Accounts.json");
		get(EmulatorClient.account(sub, ".json"));
		get(this.client.account(".json"));
		post(EmulatorClient.account(sub, ".json"), "FriendlyName", "Acme Dental Ltd");
		get(this.client.account("/Balance.json"));
		get(EmulatorClient.account(sub, "/Balance.json"));

		String address = post(EmulatorClient.account(sub, "/Addresses.json"), "CustomerName", "Acme Dental", "Street",
				"1 Fictional Way", "City", "San Francisco", "Region", "CA", "PostalCode", "94103", "IsoCountry", "US")
			.text("sid");
		String mainAddress = post(this.client.account("/Addresses.json"), "CustomerName", "Main", "Street", "2 Way",
				"City", "London", "Region", "LDN", "PostalCode", "W1A 1AA", "IsoCountry", "GB")
			.text("sid");
		get(EmulatorClient.account(sub, "/Addresses.json"));
		get(EmulatorClient.account(sub, "/Addresses/" + address + ".json"));
		post(EmulatorClient.account(sub, "/Addresses/" + address + ".json"), "FriendlyName", "Head office");

		get(this.client.account("/AvailablePhoneNumbers.json"));
		get(this.client.account("/AvailablePhoneNumbers/GB.json"));
		String number = post(this.client.account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+14155550190",
				"AddressSid", mainAddress, "VoiceUrl", "https://example.test/voice")
			.text("sid");
		String mobile = post(this.client.account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+447700900101",
				"BundleSid",
				this.client.get("/numbers/v2/RegulatoryCompliance/Bundles?NumberType=mobile")
					.json()
					.get("results")
					.get(0)
					.get("sid")
					.asString())
			.text("sid");
		get(this.client.account("/IncomingPhoneNumbers/" + number + ".json"));
		post(this.client.account("/IncomingPhoneNumbers/" + number + ".json"), "AccountSid", sub);
		get(EmulatorClient.account(sub, "/IncomingPhoneNumbers.json"));

		String service = post("/messaging/v1/Services", "FriendlyName", "Acme texts").text("sid");
		get("/messaging/v1/Services");
		get("/messaging/v1/Services/" + service);
		post("/messaging/v1/Services/" + service, "InboundRequestUrl", "https://example.test/sms");
		post("/messaging/v1/Services/" + service + "/PhoneNumbers", "PhoneNumberSid", mobile);
		get("/messaging/v1/Services/" + service + "/PhoneNumbers");
		get("/messaging/v1/Services/" + service + "/PhoneNumbers/" + mobile);
		get("/messaging/v1/Services/" + service + "/Compliance/Usa2p");
		delete("/messaging/v1/Services/" + service + "/PhoneNumbers/" + mobile);
		delete("/messaging/v1/Services/" + service);

		get("/pricing/v1/PhoneNumbers/Countries");
		get("/pricing/v1/PhoneNumbers/Countries/US");
		get("/pricing/v1/PhoneNumbers/Countries/GB");

		String bundle = get("/numbers/v2/RegulatoryCompliance/Bundles").json()
			.get("results")
			.get(0)
			.get("sid")
			.asString();
		get("/numbers/v2/RegulatoryCompliance/Bundles/" + bundle);

		delete(EmulatorClient.account(sub, "/IncomingPhoneNumbers/" + number + ".json"));
		delete(EmulatorClient.account(sub, "/Addresses/" + address + ".json"));
	}

	private EmulatorClient.Reply get(String path) {
		return record("GET", path, this.client.get(path));
	}

	private EmulatorClient.Reply post(String path, String... namesAndValues) {
		return record("POST", path, this.client.post(path, namesAndValues));
	}

	private EmulatorClient.Reply delete(String path) {
		return record("DELETE", path, this.client.delete(path));
	}

	private EmulatorClient.Reply record(String method, String path, EmulatorClient.Reply reply) {
		this.exchanges.add(new Exchange(method, path, reply.status(), reply.body()));
		return reply;
	}

	private record Exchange(String method, String path, int status, String body) {

	}

}
