package io.twilioprovisioning.tenancy;

import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.twilioprovisioning.support.Browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The walk of a client's tenancy in the console, shared by the browser tests of both
 * modes: create a client, see its Tenancy card, search British numbers (which need an
 * address the client lacks), add the address, search again (now buyable), buy a US number
 * and see the A2P 10DLC warning. Screenshots go to {@code docs/screenshots/}.
 */
final class TenancyBrowserWalk {

	private final Browser browser;

	private final int port;

	private final String mode;

	TenancyBrowserWalk(Browser browser, int port, String mode) throws Exception {
		this.browser = browser;
		this.port = port;
		this.mode = mode;
		Files.createDirectories(Browser.SCREENSHOTS);
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	void screenshot(Page page, String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	Page walk() {
		Page page = this.browser.newPage(1366, 900);
		page.navigate(url("/admin/twilio"));
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/twilio(\\?continue)?$"));
		assertThat(page.locator("#tenancy-mode")).containsText(this.mode);

		String name = "Tenancy Dental " + UUID.randomUUID().toString().substring(0, 6);
		page.navigate(url("/admin/clients"));
		page.getByLabel("Name").fill(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create client")).click();
		assertThat(page.locator("h1")).containsText(name);
		assertThat(page.locator("#tenancy")).containsText(this.mode);

		page.getByLabel("Country").selectOption("GB");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		Locator results = page.locator("#search-panel table tbody tr");
		assertThat(results.first()).containsText("address required");
		assertThat(results.first()).containsText("needs the client's address");
		screenshot(page, "tenancy-" + this.mode + "-search-needs-address");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage tenancy")).click();
		page.getByLabel("Business name").fill(name);
		page.getByLabel("Street").fill("1 Fictional Street");
		page.getByLabel("City").fill("London");
		page.getByLabel("Region").fill("Greater London");
		page.getByLabel("Postal code").fill("W1A 1AA");
		page.getByLabel("Country (ISO)").fill("GB");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the address in Twilio")).click();
		assertThat(page.locator(".flash-success")).containsText("address was created");
		assertThat(page.locator("#tenancy")).containsText("AD");

		page.locator("a", new Page.LocatorOptions().setHasText(name)).first().click();
		page.getByLabel("Country").selectOption("GB");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel table tbody tr").first()).containsText("can buy now");

		page.getByLabel("Country").selectOption("US");
		page.getByLabel("Area code").fill("303");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		Locator us = page.locator("#search-panel table tbody tr");
		assertThat(us.first()).containsText("(303)");
		us.first().getByRole(AriaRole.BUTTON).click();
		assertThat(page.locator(".flash-success")).containsText("Bought");
		assertThat(page.locator("#a2p-warning")).containsText("no registered A2P 10DLC campaign");
		screenshot(page, "tenancy-" + this.mode + "-client-page");
		return page;
	}

}
