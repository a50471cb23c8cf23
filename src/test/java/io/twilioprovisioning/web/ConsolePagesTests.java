package io.twilioprovisioning.web;

import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pages without a browser: each renders for an admin, keeps working with odd
 * query strings, and the CSV export is safe to open in a spreadsheet.
 */
@RunningServerTest
class ConsolePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ClientManagement clients;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	BrowserSession admin;

	@BeforeEach
	void logIn() {
		this.admin = new BrowserSession(this.port);
		this.admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	TrackedNumber buyFor(Client client) {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "303");
		return this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, null, "test")).number();
	}

	@Test
	void everyConsolePageRendersForAnAdmin() {
		Client client = this.clients.create("Pages " + UUID.randomUUID(), null);
		TrackedNumber number = buyFor(client);
		for (String path : new String[] { "/admin/twilio", "/admin/phone-numbers", "/admin/audit", "/admin/users",
				"/admin/clients", "/admin/clients/" + client.id() + "/phone", "/admin/phone-numbers/" + number.id() }) {
			Page page = this.admin.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.html()).as(path).contains("SANDBOX").doesNotContain("Exception");
		}
	}

	@Test
	void oddQueryStringsFallBackToDefaultsInsteadOfFailing() {
		for (String path : new String[] { "/admin/phone-numbers?sort=price,up&state=SOLD&page=-3&clientId=-1",
				"/admin/phone-numbers?q=%3Cscript%3Ealert(1)%3C/script%3E",
				"/admin/audit?action=DROP&outcome=x&page=-1", "/admin/audit?phoneNumber=not-a-number",
				"/admin/clients?q=" + "x".repeat(500) }) {
			Page page = this.admin.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.html()).as(path).doesNotContain("<script>alert(1)</script>");
		}
	}

	@Test
	void clientPhoneSearchShowsFieldErrorsWithoutLosingTheForm() {
		Client client = this.clients.create("Search " + UUID.randomUUID(), null);
		Page page = this.admin
			.get("/admin/clients/" + client.id() + "/phone/search?country=US&type=local&areaCode=4x5");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Check the search").contains("areaCode").contains("value=\"4x5\"");
	}

	@Test
	void csvExportListsTheFilteredNumbersAndNeutralisesFormulas() {
		Client client = this.clients.create("=HYPERLINK(\"evil\") " + UUID.randomUUID(), null);
		TrackedNumber number = buyFor(client);
		Page csv = this.admin.get("/admin/phone-numbers/export.csv?clientId=" + client.id());
		assertThat(csv.status()).isEqualTo(200);
		String[] lines = csv.html().split("\r?\n");
		assertThat(lines[0]).startsWith("phone_number,national_format,sid,friendly_name,state,client");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).startsWith(number.e164() + ",").contains(number.sid()).contains("ACTIVE");
		assertThat(lines[1]).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
	}

	@Test
	void buyingFromThePageAssignsAndShowsTheAppliedWebhooks() {
		Client client = this.clients.create("Buyer " + UUID.randomUUID(), null);
		Page result = this.admin.postForm("/admin/clients/" + client.id() + "/phone/buy",
				"/admin/clients/" + client.id() + "/phone",
				Map.of("phoneNumber", "+1 500 555 0006", "idempotencyKey", UUID.randomUUID().toString()));
		assertThat(result.status()).isEqualTo(302);
		Page page = this.admin.get("/admin/clients/" + client.id() + "/phone");
		assertThat(page.html()).contains("Bought (500) 555-0006")
			.contains("Just bought")
			.contains("/webhooks/twilio/sms");
		Page again = this.admin.postForm("/admin/clients/" + client.id() + "/phone/buy",
				"/admin/clients/" + client.id() + "/phone", Map.of("phoneNumber", "+1 500 555 0006"));
		assertThat(again.status()).isEqualTo(302);
		assertThat(this.admin.get("/admin/clients/" + client.id() + "/phone").html()).contains("already");
	}

}
