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
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console shows for requests it cannot do: the 404 page for an unknown number or
 * client, a 400 page for an id that is not a number, and a message on the form for a bad
 * form field; never a 500 or a half-rendered page.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class ConsoleErrorPagesTests {

	static final String UNKNOWN = "999999999";

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

	@Test
	void unknownIdsAreThe404Page(CapturedOutput output) {
		for (String path : new String[] { "/admin/phone-numbers/" + UNKNOWN, "/admin/clients/" + UNKNOWN + "/phone",
				"/admin/clients/" + UNKNOWN + "/phone/search?areaCode=415" }) {
			Page page = this.admin.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.html()).as(path).contains("Not found").contains(UNKNOWN);
		}
		for (String path : new String[] { "/admin/clients/" + UNKNOWN + "/deactivate",
				"/admin/clients/" + UNKNOWN + "/activate", "/admin/phone-numbers/" + UNKNOWN + "/configure",
				"/admin/phone-numbers/" + UNKNOWN + "/release", "/admin/phone-numbers/" + UNKNOWN + "/reassign" }) {
			Page page = this.admin.postForm(path, "/admin/clients",
					Map.of("useDefaults", "true", "confirm", "+15005550006", "toClientId", "1"));
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.html()).as(path).contains("Not found");
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void idsThatAreNotNumbersAreA400Page() {
		for (String path : new String[] { "/admin/phone-numbers/0x10", "/admin/phone-numbers/%201",
				"/admin/clients/abc/phone", "/admin/clients/1.5/phone" }) {
			Page page = this.admin.get(path);
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.html()).as(path).contains("a whole number is expected");
		}
	}

	@Test
	void anUnknownWebhookMethodIsAMessageOnTheNumberPage(CapturedOutput output) {
		TrackedNumber number = buy();
		for (String method : new String[] { "PUT", "GET\u0301", "DELETE", "G" }) {
			Page result = this.admin.postForm("/admin/phone-numbers/" + number.id() + "/configure",
					"/admin/phone-numbers/" + number.id(),
					Map.of("voiceUrl", "https://hooks.example.com/voice", "voiceMethod", method));
			assertThat(result.status()).as(method).isEqualTo(302);
			assertThat(this.admin.get("/admin/phone-numbers/" + number.id()).html()).as(method)
				.contains("voiceMethod must be GET or POST");
		}
		assertThat(this.lifecycle.get(number.id()).webhooks()).isEqualTo(number.webhooks());
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void aSearchLimitThatIsNotANumberIsAFieldErrorOnACompletePage() {
		Client client = this.clients.create("Limit " + UUID.randomUUID(), null);
		Page page = this.admin.get("/admin/clients/" + client.id() + "/phone/search?areaCode=415&limit=abc");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Check the search")
			.contains("<strong>limit</strong> <span>must be a whole number</span>")
			.contains("value=\"415\"")
			.contains("</html>")
			.doesNotContain("Failed to convert");
		Page flags = this.admin.get("/admin/clients/" + client.id() + "/phone/search?smsEnabled=yes");
		assertThat(flags.status()).isEqualTo(200);
		assertThat(flags.html()).contains("<strong>smsEnabled</strong> <span>must be true or false</span>");
	}

	@Test
	void buyingWithoutANumberSaysNoNumberWasGiven() {
		Client client = this.clients.create("Buy nothing " + UUID.randomUUID(), null);
		String phone = "/admin/clients/" + client.id() + "/phone";
		Page result = this.admin.postForm(phone + "/buy", phone, Map.of("phoneNumber", ""));
		assertThat(result.status()).isEqualTo(302);
		assertThat(this.admin.get(phone).html()).contains("No number was given");
	}

	@Test
	void aRoleThatIsNoRoleIsAFieldErrorAndCreatesNoUser() {
		String email = "no-role-" + UUID.randomUUID() + "@test.example";
		for (String role : new String[] { "GOD", "0", " ADMIN", "admin" }) {
			Page page = this.admin.postForm("/admin/users", "/admin/users",
					Map.of("email", email, "password", "long-enough-password", "role", role));
			assertThat(page.status()).as(role).isEqualTo(200);
			assertThat(page.html()).as(role).contains("field-error").doesNotContain("Failed to convert");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE email = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isZero();
	}

	private TrackedNumber buy() {
		Client client = this.clients.create("Methods " + UUID.randomUUID(), null);
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "303");
		return this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, null, "test")).number();
	}

}
