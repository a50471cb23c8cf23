package io.twilioprovisioning.tenancy;

import com.microsoft.playwright.Page;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The client page's tenancy in {@code subaccount-per-client} mode, in a real Chromium:
 * the client's subaccount and Messaging Service, the address created in the subaccount,
 * and the A2P warning.
 */
@RunningServerTest
@TestPropertySource(
		properties = { "provisioning.tenancy=subaccount-per-client", "provisioning.messaging-service-per-client=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubaccountTenancyBrowserTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void theClientPageShowsItsSubaccountServiceAddressAndTheA2pWarning() throws Exception {
		Page page = new TenancyBrowserWalk(this.browser, this.port, "subaccount-per-client").walk();

		assertThat(page.locator("#tenancy")).containsText("(client ");
		assertThat(page.locator("#tenancy")).containsText("MG");
		assertThat(page.locator("#tenancy")).containsText("1 number(s)");
	}

}
