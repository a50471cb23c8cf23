package io.twilioprovisioning.web;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.users.Role;
import io.twilioprovisioning.users.UserManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium: the whole lifecycle as an operator clicks it, Twilio's
 * refusals and outages as readable messages, and the access rules. Screenshots of each
 * page go to {@code docs/screenshots/}.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	UserManagement users;

	@RegisterExtension
	final Browser browser = new Browser();

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	Page loggedInAdmin() {
		Page page = this.browser.newPage(1366, 900);
		page.navigate(url("/admin/twilio"));
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/twilio(\\?continue)?$"));
		return page;
	}

	void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	String createClient(Page page, String name) {
		page.navigate(url("/admin/clients"));
		page.getByLabel("Name").fill(name);
		page.getByLabel("Contact email (optional)")
			.fill("ops@" + name.toLowerCase().replaceAll("[^a-z]", "") + ".example");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create client")).click();
		assertThat(page.locator(".flash-success")).containsText("Created client");
		assertThat(page.locator("h1")).containsText(name);
		return page.url();
	}

	@Test
	void operatorRunsTheWholeLifecycleInTheConsole() {
		Page page = loggedInAdmin();
		screenshot(page, "login-landing-dashboard");
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String acme = "Acme Dental " + suffix;
		String globex = "Globex Clinics " + suffix;
		createClient(page, globex);
		String acmePhonePage = createClient(page, acme);

		page.getByLabel("Area code").fill("415");
		page.getByLabel("SMS").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		Locator results = page.locator("#search-panel table tbody tr");
		assertThat(results.first()).containsText("(415)");
		screenshot(page, "client-phone-search");
		String number = results.first().locator("td.number").textContent().strip();
		results.first().getByRole(AriaRole.BUTTON).click();
		assertThat(page.locator(".flash-success")).containsText("Bought " + number);
		assertThat(page.locator("#bought")).containsText("/webhooks/twilio/voice");
		screenshot(page, "client-phone-bought");

		page.navigate(url("/admin/phone-numbers"));
		page.getByLabel("Search").fill(number.replaceAll("[^0-9]", ""));
		Locator row = page.locator("#number-results tbody tr").filter(new Locator.FilterOptions().setHasText(number));
		assertThat(row).hasCount(1);
		assertThat(row).containsText(acme);
		assertThat(row).containsText("policy");
		screenshot(page, "phone-number-console");

		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Reassign"))).click();
		// typing before htmx has taken the field over would filter nothing
		page.waitForFunction("() => document.getElementById('clientQuery')?.['htmx-internal-data'] !== undefined");
		page.getByLabel("Find a client").fill(globex);
		assertThat(page.locator("#toClientId option")).hasCount(1);
		page.locator("#toClientId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(globex));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reassign")).click();
		assertThat(page.locator(".flash-success")).containsText("now belongs to " + globex);
		page.getByText("Set webhooks by hand").click();
		page.getByLabel("SMS URL").fill("https://hooks.example.com/sms");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save webhooks")).click();
		assertThat(page.locator(".flash-success")).containsText("saved in Twilio");
		assertThat(page.locator("#webhooks")).containsText("custom");
		assertThat(this.emulator.ownedByNumber(E164Number.parse(number).value()).orElseThrow().smsUrl())
			.isEqualTo("https://hooks.example.com/sms");
		screenshot(page, "number-page");

		page.getByLabel(Pattern.compile("^Type .* to confirm")).fill("+1 000 000 0000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release this number")).click();
		assertThat(page.locator(".flash-error")).containsText("repeat the number");
		page.getByLabel(Pattern.compile("^Type .* to confirm")).fill(number);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release this number")).click();
		assertThat(page.locator(".flash-success")).containsText("was released");
		assertThat(page.locator("h1")).containsText("released");

		page.navigate(url("/admin/twilio"));
		assertThat(page.locator("text=Latest activity")).isVisible();
		assertThat(page.locator("main")).containsText("release");
		screenshot(page, "dashboard");

		page.navigate(url("/admin/audit"));
		page.getByLabel("Number").fill(number);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		// newest first; the number may have had an earlier life in another test of the
		// shared sandbox
		Locator events = page.locator("#audit-results tbody tr");
		assertThat(events.nth(0)).containsText("Release");
		assertThat(events.nth(1)).containsText("Configure");
		assertThat(events.nth(2)).containsText("Reassign");
		assertThat(events.nth(3)).containsText("Purchase");
		screenshot(page, "audit");
	}

	@Test
	void twilioRefusalIsAReadableMessageWithItsCode() {
		Page page = loggedInAdmin();
		createClient(page, "Refusal Test " + UUID.randomUUID().toString().substring(0, 6));
		page.getByLabel("Phone number").fill("+1 500 555 0000");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for this client")).click();
		Locator error = page.locator(".flash-error");
		assertThat(error).containsText("21422");
		assertThat(error.locator("a")).hasAttribute("href", Pattern.compile("twilio.com/docs/errors/21422"));
		assertThat(page.locator("body")).not().containsText("Exception");
		screenshot(page, "twilio-refusal");
		page.getByLabel("Area code").fill("212");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel table tbody tr").first()).containsText("(212)");
	}

	@Test
	void twilioOutageIsAReadableMessageAndThePageStaysUsable() {
		Page page = loggedInAdmin();
		createClient(page, "Outage Test " + UUID.randomUUID().toString().substring(0, 6));
		this.emulator.faults().failNext(Operation.SEARCH, Fault.SERVICE_UNAVAILABLE, 50);
		page.getByLabel("Area code").fill("415");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		Locator error = page.locator("#search-panel .flash-error");
		assertThat(error).containsText("Twilio");
		assertThat(page.locator("body")).not().containsText("Exception");
		screenshot(page, "twilio-outage");
		this.emulator.faults().clear();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel table tbody tr").first()).containsText("(415)");

		this.emulator.faults().failNext(Operation.ACCOUNT, Fault.SERVICE_UNAVAILABLE, 50);
		page.navigate(url("/admin/twilio"));
		assertThat(page.locator(".flash-error")).containsText("Twilio could not be reached");
		assertThat(page.locator("text=Numbers owned")).isVisible();
		screenshot(page, "dashboard-twilio-down");
	}

	@Test
	void aStormOf429sSetOnTheSandboxPageShowsInTheConsoleUntilCleared() {
		Page page = loggedInAdmin();
		String phonePage = createClient(page, "Storm Test " + UUID.randomUUID().toString().substring(0, 6));
		page.navigate(url("/admin/sandbox"));
		page.getByLabel("Operation").selectOption("SEARCH");
		page.getByLabel("Fault").selectOption("TOO_MANY_REQUESTS");
		page.getByLabel("Share of calls (%)").fill("100");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add fault")).click();
		assertThat(page.locator(".flash-success")).containsText("Fault added");
		assertThat(page.locator("#fault-plan")).containsText("TOO_MANY_REQUESTS");
		assertThat(page.locator(".mode-banner")).containsText("SEARCH: TOO_MANY_REQUESTS 100%");
		screenshot(page, "sandbox-faults");

		page.navigate(phonePage);
		assertThat(page.locator(".mode-banner")).containsText("Faults injected");
		page.getByLabel("Area code").fill("415");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel .flash-error")).containsText("Twilio");
		assertThat(page.locator("body")).not().containsText("Exception");

		page.navigate(url("/admin/sandbox"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear all faults")).click();
		assertThat(page.locator(".flash-success")).containsText("Faults cleared");
		assertThat(page.locator(".mode-banner")).not().containsText("Faults injected");
		page.navigate(phonePage);
		page.getByLabel("Area code").fill("415");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel table tbody tr").first()).containsText("(415)");
	}

	@Test
	void userRoleGetsThe403PageAndAnonymousTheLoginPage() {
		Page anonymous = this.browser.newPage(1366, 900);
		anonymous.navigate(url("/admin/phone-numbers"));
		assertThat(anonymous).hasURL(Pattern.compile(".*/login$"));
		screenshot(anonymous, "login");

		String email = "staff-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, "staff-password-123", Role.USER);
		Page user = this.browser.newPage(1366, 900);
		user.navigate(url("/login"));
		Browser.signIn(user, email, "staff-password-123");
		user.navigate(url("/admin/phone-numbers"));
		assertThat(user.locator("h1")).hasText("Admins only");
		screenshot(user, "forbidden");
	}

	@Test
	void closingNumbersGoneFromTwilioAsksFirst() {
		Page page = loggedInAdmin();
		Locator close = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Close numbers gone from Twilio"));
		List<String> posted = new CopyOnWriteArrayList<>();
		page.onRequest((request) -> {
			if ("POST".equals(request.method()) && request.url().endsWith("/admin/twilio/sync/close-missing")) {
				posted.add(request.url());
			}
		});
		// the page's own flashes (an earlier test's Twilio fault may still show in the
		// account card's)
		Locator flashes = page.locator("#main > .flash");
		page.onceDialog((dialog) -> dialog.dismiss());
		close.click();
		assertThat(flashes).hasCount(0);
		assertThat(close).isEnabled();
		page.onceDialog((dialog) -> dialog.accept());
		close.click();
		assertThat(flashes.first()).isVisible();
		assertThat(page.locator("body")).not().containsText("Exception");
		assertThat(posted).as("only the confirmed click submits").hasSize(1);
	}

	@Test
	void adminsReadTheApiDescriptionInSwaggerUi() {
		Page page = loggedInAdmin();
		page.navigate(url("/swagger-ui.html"));
		assertThat(page.locator("text=Twilio numbers").first()).isVisible();
		assertThat(page.getByText("/api/admin/twilio/purchase").first()).isVisible();
		screenshot(page, "swagger-ui");
	}

	@Test
	void consoleIsReadableOnAPhone() {
		Page page = loggedInAdmin();
		page.setViewportSize(390, 844);
		page.navigate(url("/admin/phone-numbers"));
		assertThat(page.locator("h1")).hasText("Phone numbers");
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
		assertThat(overflow).isEqualTo(Boolean.TRUE);
		screenshot(page, "phone-width");
	}

}
