package io.twilioprovisioning.tenancy;

import com.microsoft.playwright.Page;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The client page's tenancy in {@code shared} mode, in a real Chromium: no subaccount,
 * the address lives in the main account, the A2P warning shows for US local numbers.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedTenancyBrowserTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	final Browser browser = new Browser();

	@Test
	void theClientPageShowsTheMainAccountAddressesAndTheA2pWarning() throws Exception {
		Page page = new TenancyBrowserWalk(this.browser, this.port, "shared").walk();

		assertThat(page.locator("#tenancy")).containsText("shared mode, numbers live in the main account");
	}

}
