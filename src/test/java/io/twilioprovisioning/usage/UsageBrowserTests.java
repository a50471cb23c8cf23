package io.twilioprovisioning.usage;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's run-rate and charts, the cost report and the idle numbers in a real
 * Chromium under the pages' Content-Security-Policy. Screenshots go to
 * {@code docs/screenshots/}.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	CostReports costs;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void dashboardDrawsTheRunRateAndFourChartsReadableWithoutColour() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		for (String name : List.of("Northwind Dental", "Contoso Clinics", "Fabrikam Vets")) {
			Client client = this.clients.create(name + " " + tag, null);
			buy(client, "415");
		}
		awaitPriced();
		Page page = loggedInAdmin();
		List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		page.navigate(url("/admin/twilio"));

		assertThat(page.locator("#run-rate")).containsText("USD");
		Locator figures = page.locator("#usage figure");
		assertThat(figures).hasCount(4);
		for (String id : List.of("chart-states", "chart-costs", "chart-flow", "chart-errors")) {
			Locator chart = page.locator("#" + id + " svg[role=img]");
			assertThat(chart).isVisible();
			assertThat(chart.locator("title")).not().isEmpty();
		}
		assertThat(page.locator("#chart-states svg")).containsText("assigned:");
		// other tests of this JVM may hold costlier clients: Northwind is a bar of its
		// own or one of "the others"
		boolean northwindOnTop = this.costs.topClients(YearMonth.now(ZoneOffset.UTC), 10)
			.stream()
			.anyMatch((slice) -> slice.label().equals("Northwind Dental " + tag));
		assertThat(page.locator("#chart-costs svg"))
			.containsText(northwindOnTop ? "Northwind Dental " + tag : "Others (");
		assertThat(page.locator("#chart-costs svg")).containsText("USD");
		assertThat(page.locator("#chart-flow svg")).containsText("purchases");
		assertThat(page.locator("#chart-costs figcaption")).containsText("Hatched bars");
		page.locator("#chart-costs details summary").click();
		assertThat(page.locator("#chart-costs details table")).containsText("Contoso Clinics " + tag);
		assertThat(errors).as("console errors (a CSP refusal shows here)").isEmpty();
		page.locator("#usage")
			.screenshot(new Locator.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("dashboard-charts.png")));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Costs").setExact(true)).click();
		assertThat(page.locator("h1")).containsText("Cost per client");
		assertThat(page.locator("#cost-report")).containsText("Fabrikam Vets " + tag);
		screenshot(page, "cost-report");
		page.close();
	}

	@Test
	void operatorReleasesAClientsIdleNumbersAfterTypingItsName() {
		Client client = this.clients.create("Dormant Dental " + UUID.randomUUID().toString().substring(0, 6), null);
		TrackedNumber first = buy(client, "510");
		TrackedNumber second = buy(client, "510");
		awaitPriced();
		this.jdbc
			.sql("UPDATE usage_number_prices SET acquired_at = now() - interval '45 days' WHERE number_id IN (:ids)")
			.param("ids", List.of(first.id(), second.id()))
			.update();
		Page page = loggedInAdmin();

		page.navigate(url("/admin/reports/idle"));
		Locator row = page.locator("#idle-clients tr", new Page.LocatorOptions().setHasText(client.name()));
		assertThat(row).containsText("2.30 USD");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Review")).click();
		assertThat(page.locator("#idle-numbers")).containsText(first.nationalFormat());
		assertThat(page.locator("#idle-numbers")).containsText(second.nationalFormat());
		screenshot(page, "idle-numbers");

		page.getByLabel("Type the client's name to confirm").fill("Dormant");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release idle numbers of this client"))
			.click();
		assertThat(page.locator(".flash-error")).containsText("Type the client's name exactly");
		assertThat(page.locator("#idle-numbers")).containsText(first.nationalFormat());

		page.getByLabel("Type the client's name to confirm").fill(client.name());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release idle numbers of this client"))
			.click();
		assertThat(page.locator(".flash-success")).containsText("Released 2 idle numbers of " + client.name());
		assertThat(page.locator("#idle-clients")).not().containsText(client.name());
		assertThat(this.lifecycle.get(first.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.lifecycle.get(second.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		page.close();
	}

	private void awaitPriced() {
		Polling.until("every number priced",
				() -> this.jdbc
					.sql("SELECT count(*) FROM usage_number_prices WHERE monthly_price IS NULL AND released_at IS NULL")
					.query(Long.class)
					.single() == 0);
	}

	private TrackedNumber buy(Client client, String areaCode) {
		return this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, areaCode), null, client.id(),
					null, null, "test"))
			.number();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private Page loggedInAdmin() {
		Page page = this.browser.newPage(1366, 900);
		page.navigate(url("/admin/twilio"));
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/twilio(\\?continue)?$"));
		return page;
	}

	private void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
