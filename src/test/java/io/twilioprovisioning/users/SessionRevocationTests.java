package io.twilioprovisioning.users;

import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disabled, demoted or re-passworded user loses access on the very next request: the
 * console session and HTTP Basic alike, whichever instance made the change.
 */
@RunningServerTest
class SessionRevocationTests {

	static final String PASSWORD = "admin-b-password-123";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	ApiClient adminA() {
		return ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	UserAccount newAdmin() {
		return this.users.create("admin-b-" + UUID.randomUUID() + "@test.local", PASSWORD, Role.ADMIN);
	}

	BrowserSession signedIn(UserAccount user) {
		BrowserSession browser = new BrowserSession(this.port);
		Page login = browser.login(user.email(), PASSWORD);
		assertThat(login.location()).isEqualTo("/");
		assertThat(browser.get("/admin/users").status()).isEqualTo(200);
		return browser;
	}

	@Test
	void adminDisabledByAnotherAdminIsSentToTheLoginPageAndCanChangeNothing() {
		UserAccount b = newAdmin();
		BrowserSession browser = signedIn(b);
		String token = browser.get("/admin/clients").csrfToken();
		assertThat(adminA().post("/api/admin/users/" + b.id() + "/disable", "").status()).isEqualTo(200);

		String marker = UUID.randomUUID().toString();
		String name = "Created After Disable " + marker;
		Page post = browser.postRaw("/admin/clients", Map.of("name", name, "contactEmail", "", "_csrf", token));
		// The session is gone and its CSRF token with it: refused, not a redirect to a
		// new client.
		assertThat(post.status()).isEqualTo(403);
		assertThat(post.location()).isNull();
		Page page = browser.get("/admin/users");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/login");
		assertThat(adminA().get("/api/admin/clients?q=" + marker).json().get("content").size()).isZero();
	}

	@Test
	void demotedAdminLosesTheAdminPagesOnTheNextRequest() {
		UserAccount b = newAdmin();
		BrowserSession browser = signedIn(b);
		assertThat(adminA().post("/api/admin/users/" + b.id() + "/role", "{\"role\":\"USER\"}").status())
			.isEqualTo(200);
		Page page = browser.get("/admin/users");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.location()).isEqualTo("/login");
		browser.login(b.email(), PASSWORD);
		assertThat(browser.get("/admin/users").status()).isEqualTo(403);
		assertThat(browser.get("/").html()).contains("Welcome");
	}

	@Test
	void newPasswordEndsTheSession() {
		UserAccount b = newAdmin();
		BrowserSession browser = signedIn(b);
		this.users.changePassword(b.id(), "a-brand-new-password-456");
		assertThat(browser.get("/admin/users").location()).isEqualTo("/login");
	}

	@Test
	void aChangeMadeByAnotherInstanceEndsTheSessionToo() {
		UserAccount b = newAdmin();
		BrowserSession browser = signedIn(b);
		// Another instance writes the row; nothing in this one is told.
		this.jdbc.sql("UPDATE users SET enabled = false WHERE id = :id").param("id", b.id()).update();
		assertThat(browser.get("/admin/users").location()).isEqualTo("/login");

		UserAccount c = newAdmin();
		BrowserSession other = signedIn(c);
		this.jdbc.sql("UPDATE users SET security_version = security_version + 1 WHERE id = :id")
			.param("id", c.id())
			.update();
		assertThat(other.get("/admin/users").location()).isEqualTo("/login");
	}

	@Test
	void anUnchangedAccountKeepsItsSession() {
		UserAccount b = newAdmin();
		BrowserSession browser = signedIn(b);
		this.users.changeRole(b.id(), Role.ADMIN, RunningServerTest.ADMIN_EMAIL);
		assertThat(browser.get("/admin/users").status()).isEqualTo(200);
		assertThat(browser.get("/admin/clients").status()).isEqualTo(200);
	}

	@Test
	void apiCredentialsStopWorkingAtOnceThoughTheirPasswordIsCached() {
		UserAccount b = newAdmin();
		ApiClient api = ApiClient.as(this.port, b.email(), PASSWORD);
		assertThat(api.get("/api/admin/clients").status()).isEqualTo(200);
		this.users.changeRole(b.id(), Role.USER, RunningServerTest.ADMIN_EMAIL);
		assertThat(api.get("/api/admin/clients").status()).isEqualTo(403);
		this.users.disable(b.id(), RunningServerTest.ADMIN_EMAIL);
		assertThat(api.get("/api/admin/clients").status()).isEqualTo(401);
	}

	@Test
	void oldPasswordStopsWorkingAtOnceAfterARotation() {
		UserAccount b = newAdmin();
		ApiClient old = ApiClient.as(this.port, b.email(), PASSWORD);
		assertThat(old.get("/api/admin/clients").status()).isEqualTo(200);
		this.users.changePassword(b.id(), "a-brand-new-password-456");
		assertThat(old.get("/api/admin/clients").status()).isEqualTo(401);
		assertThat(ApiClient.as(this.port, b.email(), "a-brand-new-password-456").get("/api/admin/clients").status())
			.isEqualTo(200);
	}

	@Test
	void anAdminCannotChangeTheirOwnRole() {
		UserAccount self = this.users.findByEmail(RunningServerTest.ADMIN_EMAIL).orElseThrow();
		ApiClient.Response response = adminA().post("/api/admin/users/" + self.id() + "/role", "{\"role\":\"USER\"}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(this.users.get(self.id()).role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void adminChangesARoleOnTheUsersPage() {
		UserAccount b = newAdmin();
		BrowserSession a = new BrowserSession(this.port);
		a.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Page page = a.postForm("/admin/users/" + b.id() + "/role", "/admin/users", Map.of("role", "USER"));
		assertThat(page.location()).isEqualTo("/admin/users");
		assertThat(this.users.get(b.id()).role()).isEqualTo(Role.USER);
		assertThat(a.get("/admin/users").html()).contains(b.email() + " is now USER");
	}

}
