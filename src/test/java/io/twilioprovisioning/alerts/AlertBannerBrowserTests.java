package io.twilioprovisioning.alerts;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The alert banner in Chromium: an active alert shows on the console pages with its title
 * and message, and goes away once resolved. The screenshot goes to
 * {@code docs/screenshots/alert-banner.png}.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertBannerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Alerts alerts;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final Browser browser = new Browser();

	@BeforeEach
	@AfterEach
	void clearAlerts() {
		this.alerts.resolve(AlertType.LOW_BALANCE, null, "test over");
		this.alerts.resolve(AlertType.NUMBERS_STUCK, null, "test over");
		this.jdbc.sql("DELETE FROM alert_outbox").update();
		this.jdbc.sql("DELETE FROM alert_states").update();
	}

	@Test
	void anActiveAlertIsABannerOnTheConsoleUntilItResolves() {
		this.alerts.raise(AlertType.LOW_BALANCE, null, "The Twilio balance is 18.40 USD, below the threshold 20.00 USD."
				+ " Top the account up before Twilio suspends it and every number stops.");
		this.alerts.raise(AlertType.NUMBERS_STUCK, null, "2 number(s) are still purchasing or releasing after recovery"
				+ " should have resolved them: Twilio may be unreachable. See the dashboard.");
		Page page = this.browser.newPage(1366, 900);
		page.navigate("http://127.0.0.1:" + this.port + "/admin/twilio");
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/twilio(\\?continue)?$"));

		assertThat(page.locator(".alert-banner")).containsText("Low Twilio balance");
		assertThat(page.locator(".alert-banner")).containsText("below the threshold 20.00 USD");
		assertThat(page.locator(".alert-banner li")).hasCount(2);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "alert-banner.png")));

		this.alerts.resolve(AlertType.LOW_BALANCE, null, "The Twilio balance is 120.00 USD.");
		this.alerts.resolve(AlertType.NUMBERS_STUCK, null, "None is stuck.");
		page.navigate("http://127.0.0.1:" + this.port + "/admin/phone-numbers");
		assertThat(page.locator(".alert-banner")).hasCount(0);
	}

}
