package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly cost report against a hand-computed example, its CSV export, and the prices
 * recorded at purchase from the emulator's Pricing API.
 */
@RunningServerTest
class CostReportTests {

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PriceSource prices;

	@Autowired
	CostReports reports;

	@Autowired
	NumberPricer pricer;

	@Test
	void priceSourceReadsTwilioPricingApi() {
		CountryPrices gb = this.prices.monthlyPrices("GB");

		assertThat(gb.currency()).isEqualTo("USD");
		assertThat(gb.monthly()).containsEntry(NumberType.LOCAL, new BigDecimal("1.25"))
			.containsEntry(NumberType.MOBILE, new BigDecimal("1.4"))
			.containsEntry(NumberType.TOLL_FREE, new BigDecimal("2.5"));
		assertThat(this.prices.monthlyPrices("FR").monthly()).isEmpty();
	}

	@Test
	void purchaseRecordsTheNumbersMonthlyPrice() {
		Client client = client("Priced");
		TrackedNumber number = buy(client);

		awaitPriced(number);
		BigDecimal price = this.jdbc.sql("SELECT monthly_price FROM usage_number_prices WHERE number_id = :id")
			.param("id", number.id())
			.query(BigDecimal.class)
			.single();
		assertThat(price).isEqualByComparingTo("1.15");
		assertThat(
				this.jdbc.sql("SELECT iso_country || ' ' || number_type FROM usage_number_prices WHERE number_id = :id")
					.param("id", number.id())
					.query(String.class)
					.single())
			.isEqualTo("US LOCAL");
		assertThat(this.reports.runRate().owned()).anySatisfy((amount) -> {
			assertThat(amount.currency()).isEqualTo("USD");
			assertThat(amount.amount()).isGreaterThanOrEqualTo(new BigDecimal("1.15"));
		});
	}

	@Test
	void pricerPricesEachNumberByItsKindInOneGoWhateverTheKinds() {
		Client client = client("Repriced");
		TrackedNumber unknownKind = buy(client);
		TrackedNumber storedKind = buy(client);
		TrackedNumber unpricedCountry = buy(client);
		for (TrackedNumber number : java.util.List.of(unknownKind, storedKind, unpricedCountry)) {
			awaitPriced(number);
		}
		this.jdbc.sql("""
				UPDATE usage_number_prices SET monthly_price = NULL, currency = NULL, priced_at = NULL,
				  iso_country = CASE number_id WHEN :stored THEN 'GB' WHEN :france THEN 'FR' END,
				  number_type = CASE number_id WHEN :stored THEN 'MOBILE' WHEN :france THEN 'LOCAL' END
				WHERE number_id IN (:unknown, :stored, :france)""")
			.param("unknown", unknownKind.id())
			.param("stored", storedKind.id())
			.param("france", unpricedCountry.id())
			.update();

		try {
			this.pricer.priceUnpriced();

			assertThat(priceOf(unknownKind)).isEqualTo("US LOCAL 1.1500 USD priced");
			assertThat(priceOf(storedKind)).isEqualTo("GB MOBILE 1.4000 USD priced");
			assertThat(priceOf(unpricedCountry)).isEqualTo("FR LOCAL - - priced");
		}
		finally {
			// other tests of this JVM wait until every live number has a price
			this.jdbc.sql("""
					UPDATE usage_number_prices SET iso_country = NULL, number_type = NULL, priced_at = NULL
					WHERE number_id = :france AND monthly_price IS NULL""")
				.param("france", unpricedCountry.id())
				.update();
			this.pricer.priceUnpriced();
		}
		assertThat(priceOf(unpricedCountry)).isEqualTo("US LOCAL 1.1500 USD priced");
	}

	private String priceOf(TrackedNumber number) {
		return this.jdbc.sql("""
				SELECT iso_country || ' ' || number_type || ' ' || coalesce(monthly_price::text, '-') || ' '
				  || coalesce(currency, '-') || CASE WHEN priced_at IS NULL THEN ' unpriced' ELSE ' priced' END
				FROM usage_number_prices WHERE number_id = :id""")
			.param("id", number.id())
			.query(String.class)
			.single();
	}

	/**
	 * A US local number (1.15 USD a month) held by Acme from 20 January 2024 10:00 to 10
	 * February 15:00, then by Globex until 20 February 08:00. January has 31 days,
	 * February 2024 29. Acme: January 20–31 = 12 days, 1.15 × 12 / 31 = 0.4452 → 0.45;
	 * February 1–9 = 9 days, 1.15 × 9 / 29 = 0.3569 → 0.36. Globex: February 10–19 = 10
	 * days, 1.15 × 10 / 29 = 0.3966 → 0.40. February's total: 0.76.
	 */
	@Test
	void reportProratesByDaysHeldAcrossAMonthBoundary() {
		Client acme = client("Acme");
		Client globex = client("Globex");
		TrackedNumber number = buy(acme);
		this.lifecycle.reassign(NumberRef.of(number.phoneNumber()), globex.id(), acme.id(), "test");
		awaitPriced(number);
		moveHoldings(number, acme, Instant.parse("2024-01-20T10:00:00Z"), Instant.parse("2024-02-10T15:00:00Z"));
		moveHoldings(number, globex, Instant.parse("2024-02-10T15:00:00Z"), Instant.parse("2024-02-20T08:00:00Z"));
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);

		JsonNode january = admin.get("/api/admin/reports/costs?month=2024-01").json();
		JsonNode february = admin.get("/api/admin/reports/costs?month=2024-02").json();

		assertThat(january.get("daysInMonth").asInt()).isEqualTo(31);
		assertThat(january.get("complete").asBoolean()).isTrue();
		assertThat(january.get("clients")).hasSize(1);
		JsonNode acmeJanuary = january.get("clients").get(0);
		assertThat(acmeJanuary.get("clientName").asString()).isEqualTo(acme.name());
		assertThat(acmeJanuary.get("numberDays").asLong()).isEqualTo(12);
		assertThat(acmeJanuary.at("/lines/0/firstDay").asString()).isEqualTo("2024-01-20");
		assertThat(acmeJanuary.at("/lines/0/lastDay").asString()).isEqualTo("2024-01-31");
		assertThat(acmeJanuary.at("/cost/0/amount").decimalValue()).isEqualByComparingTo("0.45");
		assertThat(january.at("/totals/0/amount").decimalValue()).isEqualByComparingTo("0.45");

		assertThat(february.get("daysInMonth").asInt()).isEqualTo(29);
		assertThat(february.get("clients")).hasSize(2);
		JsonNode acmeFebruary = february.get("clients").get(0);
		JsonNode globexFebruary = february.get("clients").get(1);
		assertThat(acmeFebruary.get("clientId").asLong()).isEqualTo(acme.id());
		assertThat(acmeFebruary.get("numberDays").asLong()).isEqualTo(9);
		assertThat(acmeFebruary.at("/cost/0/amount").decimalValue()).isEqualByComparingTo("0.36");
		assertThat(globexFebruary.get("clientId").asLong()).isEqualTo(globex.id());
		assertThat(globexFebruary.get("numberDays").asLong()).isEqualTo(10);
		assertThat(globexFebruary.at("/lines/0/firstDay").asString()).isEqualTo("2024-02-10");
		assertThat(globexFebruary.at("/lines/0/lastDay").asString()).isEqualTo("2024-02-19");
		assertThat(globexFebruary.at("/lines/0/monthlyPrice").decimalValue()).isEqualByComparingTo("1.15");
		assertThat(globexFebruary.at("/cost/0/amount").decimalValue()).isEqualByComparingTo("0.40");
		assertThat(february.at("/totals/0/amount").decimalValue()).isEqualByComparingTo("0.76");
		assertThat(february.at("/totals/0/currency").asString()).isEqualTo("USD");

		assertThat(this.reports.topClients(YearMonth.of(2024, 2), 1)).containsExactly(
				new CostReports.Slice(globex.name(), new BigDecimal("0.40"), "USD", 1),
				new CostReports.Slice("Others (1 clients)", new BigDecimal("0.36"), "USD", 1));

		ApiClient.Response csv = admin.get("/api/admin/reports/costs?month=2024-02&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().split("\r\n")).containsExactly(
				"month,client_id,client_name,phone_number,country,type,monthly_price,currency,first_day,last_day,days,"
						+ "days_in_month,cost",
				"2024-02," + acme.id() + "," + acme.name() + "," + number.e164() + ",US,LOCAL,1.15,USD,2024-02-01,"
						+ "2024-02-09,9,29,0.36",
				"2024-02," + globex.id() + "," + globex.name() + "," + number.e164() + ",US,LOCAL,1.15,USD,"
						+ "2024-02-10,2024-02-19,10,29,0.40");
	}

	@Test
	void csvNeutralisesFormulasInClientNames() throws Exception {
		Client hostile = this.clients.create("=HYPERLINK(\"https://evil.example\",\"pay\") " + tag(), null);
		TrackedNumber number = buy(hostile);
		awaitPriced(number);
		moveHoldings(number, hostile, Instant.parse("2023-03-01T00:00:00Z"), Instant.parse("2023-03-31T00:00:00Z"));
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);

		HttpResponse<String> csv = getCsv("/api/admin/reports/costs?month=2023-03");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"costs-2023-03.csv\"");
		String row = csv.body().split("\r\n")[1];
		assertThat(row).contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"pay\"\") ")
			.contains("," + number.e164() + ",")
			.endsWith(",30,31,1.11");
	}

	@Test
	void aMonthThatIsNotAMonthIsAFieldError() {
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		for (String month : new String[] { "2026-13", "26-01", "2026-1", "next", "2026-01-01" }) {
			ApiClient.Response response = admin.get("/api/admin/reports/costs?month=" + month);
			assertThat(response.status()).as(month).isEqualTo(400);
			assertThat(response.json().at("/errors/0/field").asString()).as(month).isEqualTo("month");
		}
		assertThat(admin.get("/api/admin/reports/costs?format=xml").status()).isEqualTo(400);
		assertThat(ApiClient.anonymous(this.port).get("/api/admin/reports/costs").status()).isEqualTo(401);
	}

	private HttpResponse<String> getCsv(String path) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Accept", "text/csv")
				.header("Authorization", "Basic " + basic)
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void awaitPriced(TrackedNumber number) {
		Polling.until("number " + number.id() + " priced",
				() -> this.jdbc
					.sql("SELECT count(*) FROM usage_number_prices WHERE number_id = :id AND monthly_price IS NOT NULL")
					.param("id", number.id())
					.query(Long.class)
					.single() == 1);
	}

	private void moveHoldings(TrackedNumber number, Client client, Instant from, Instant until) {
		int moved = this.jdbc.sql("""
				UPDATE usage_holdings SET held_from = :from, held_until = :until
				WHERE number_id = :number AND client_id = :client""")
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("number", number.id())
			.param("client", client.id())
			.update();
		assertThat(moved).isEqualTo(1);
	}

	private TrackedNumber buy(Client client) {
		return this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "212"), null, client.id(),
					null, null, "test"))
			.number();
	}

	private Client client(String name) {
		return this.clients.create(name + " " + tag(), null);
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
