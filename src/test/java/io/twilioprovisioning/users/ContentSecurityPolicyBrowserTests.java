package io.twilioprovisioning.users;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console works under its strict Content-Security-Policy (no inline styles or
 * scripts): a real Chromium reports no violation on any page, and Swagger UI still
 * renders under its own, looser policy.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final Browser browser = new Browser();

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	Page signedInAdmin(List<String> violations) {
		Page page = this.browser.newPage(1366, 900);
		page.onConsoleMessage((message) -> {
			if (message.text().contains("Content Security Policy") || message.text().contains("Refused to")) {
				violations.add(page.url() + ": " + message.text());
			}
		});
		page.navigate(url("/login"));
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/twilio$"));
		return page;
	}

	@Test
	void consolePagesRaiseNoPolicyViolation() {
		long clientId = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.post("/api/admin/clients", "{\"name\":\"CSP Client " + UUID.randomUUID() + "\"}")
			.json()
			.get("id")
			.asLong();
		List<String> violations = new CopyOnWriteArrayList<>();
		Page page = signedInAdmin(violations);
		for (String path : List.of("/admin/twilio", "/admin/phone-numbers", "/admin/clients", "/admin/users",
				"/admin/audit", "/admin/clients/" + clientId + "/phone", "/admin/no-such-page")) {
			page.navigate(url(path));
			page.waitForLoadState();
		}
		page.navigate(url("/admin/clients/" + clientId + "/phone"));
		page.getByLabel("Area code").fill("415");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search Twilio")).click();
		assertThat(page.locator("#search-panel table tbody tr").first()).containsText("(415)");
		assertThat(violations).isEmpty();
	}

	@Test
	void swaggerUiRendersUnderItsOwnPolicy() {
		List<String> violations = new CopyOnWriteArrayList<>();
		Page page = signedInAdmin(violations);
		page.navigate(url("/swagger-ui.html"));
		assertThat(page.getByText("/api/admin/twilio/purchase").first()).isVisible();
		assertThat(violations).isEmpty();
	}

}
