package io.twilioprovisioning.users;

import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RunningServerTest
class PagesSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Test
	void anonymousVisitorIsSentToTheLoginPage() {
		Page page = new BrowserSession(this.port).get("/admin/clients");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).endsWith("/login");
	}

	@Test
	void loginPageCarriesACsrfToken() {
		Page page = new BrowserSession(this.port).get("/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.csrfToken()).isNotBlank();
		assertThat(page.html()).contains("Sign in").contains("SANDBOX");
	}

	@Test
	void adminLogsInAndSeesTheClientsPage() {
		BrowserSession browser = new BrowserSession(this.port);
		Page login = browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.location()).doesNotContain("error");
		Page clients = browser.get("/admin/clients");
		assertThat(clients.status()).isEqualTo(200);
		assertThat(clients.html()).contains("<h1>Clients</h1>").contains(RunningServerTest.ADMIN_EMAIL);
	}

	@Test
	void wrongPasswordShowsAnErrorOnTheLoginPage() {
		BrowserSession browser = new BrowserSession(this.port);
		Page login = browser.login(RunningServerTest.ADMIN_EMAIL, "nope");
		assertThat(login.location()).endsWith("/login?error");
		assertThat(browser.get("/login?error").html()).contains("Wrong email or password");
	}

	@Test
	void userRoleGetsTheFriendly403Page() {
		String email = "staff-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, "staff-password-123", Role.USER);
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(email, "staff-password-123");
		Page page = browser.get("/admin/clients");
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.html()).contains("Admins only")
			.doesNotContain("Exception")
			.doesNotContain("/admin/phone-numbers");
		assertThat(browser.get("/").html()).contains("Welcome");
	}

	@Test
	void formPostWithoutCsrfTokenIsRefused() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Page page = browser.postRaw("/admin/clients", Map.of("name", "No Token Inc"));
		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void adminCreatesAClientThroughTheForm() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String name = "Form Client " + UUID.randomUUID();
		Page created = browser.postForm("/admin/clients", "/admin/clients", Map.of("name", name, "contactEmail", ""));
		assertThat(created.status()).isEqualTo(302);
		assertThat(browser.get("/admin/clients?q=" + name.substring(12)).html()).contains(name);
	}

	@Test
	void invalidFormKeepsInputAndShowsFieldErrors() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Page page = browser.postForm("/admin/clients", "/admin/clients",
				Map.of("name", "", "contactEmail", "broken-email"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("broken-email").contains("field-error").contains("aria-invalid=\"true\"");
	}

	@Test
	void unknownPageIsAFriendly404() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Page page = browser.get("/admin/no-such-page");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.html()).contains("Not found");
	}

	@Test
	void logoutEndsTheSession() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Page logout = browser.postForm("/logout", "/admin/clients", Map.of());
		assertThat(logout.location()).endsWith("/login?logout");
		assertThat(browser.get("/admin/clients").status()).isEqualTo(302);
	}

	@Test
	void adminCreatesAndDisablesAUserOnTheUsersPage() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String email = "page-user-" + UUID.randomUUID() + "@test.local";
		Page created = browser.postForm("/admin/users", "/admin/users",
				Map.of("email", email, "password", "page-user-password", "role", "USER"));
		assertThat(created.status()).isEqualTo(302);
		UserAccount user = this.users.findByEmail(email).orElseThrow();
		browser.postForm("/admin/users/" + user.id() + "/disable", "/admin/users", Map.of());
		assertThat(this.users.get(user.id()).enabled()).isFalse();
	}

}
