package io.twilioprovisioning.users;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.RawHttp;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages chain denies by default: a signed-in non-admin reaches the start page,
 * sign-in, sign-out, error pages and static files, and nothing else — in particular no
 * variant of the API description, whatever its suffix.
 */
@RunningServerTest
class PagesAccessTests {

	static final List<String> API_DESCRIPTION = List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs.json",
			"/v3/api-docs/", "/v3/api-docs/swagger-config", "/v3/api-docs/default", "/v3/api-docs.yaml/",
			"/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js", "/swagger-ui/");

	static final List<String> UNKNOWN = List.of("/nothing-here", "/admin", "/admin/", "/internal/state", "/v3",
			"/h2-console", "/index.html");

	static final String PASSWORD = "staff-password-123";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	String newUser() {
		String email = "staff-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, PASSWORD, Role.USER);
		return email;
	}

	@Test
	void noPathOfTheApiDescriptionAnswersAUser() {
		BrowserSession browser = new BrowserSession(this.port);
		String email = newUser();
		browser.login(email, PASSWORD);
		ApiClient basic = ApiClient.as(this.port, email, PASSWORD);
		for (String path : API_DESCRIPTION) {
			Page page = browser.get(path);
			assertThat(page.status()).as("session " + path).isIn(403, 404);
			assertThat(page.html()).as(path).doesNotContain("openapi").doesNotContain("/api/admin/");
			ApiClient.Response response = basic.get(path);
			assertThat(response.status()).as("basic " + path).isIn(403, 404);
			assertThat(response.body()).as(path).doesNotContain("/api/admin/twilio");
		}
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPageFromEveryPathOfTheApiDescription() {
		for (String path : API_DESCRIPTION) {
			Page page = new BrowserSession(this.port).get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).isEqualTo("/login");
		}
	}

	@Test
	void adminsReadTheApiDescriptionInEveryFormat() {
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD).getBytes());
		RawHttp.Response yaml = RawHttp.to(this.port).get("/v3/api-docs.yaml", Map.of("Authorization", basic));
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.body()).contains("/api/admin/twilio/purchase");
		assertThat(RawHttp.to(this.port).get("/v3/api-docs/swagger-config", Map.of("Authorization", basic)).status())
			.isEqualTo(200);
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		assertThat(browser.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void unknownPathsAreNeverContentForAUser() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(newUser(), PASSWORD);
		for (String path : UNKNOWN) {
			Page page = browser.get(path);
			assertThat(page.status()).as(path).isIn(403, 404);
		}
	}

	@Test
	void aUserReachesTheAllowList() {
		BrowserSession browser = new BrowserSession(this.port);
		browser.login(newUser(), PASSWORD);
		assertThat(browser.get("/").html()).contains("Welcome");
		assertThat(browser.get("/login").location()).isEqualTo("/");
		assertThat(browser.get("/access-denied").status()).isEqualTo(403);
		assertThat(browser.get("/css/app.css").status()).isEqualTo(200);
		assertThat(browser.get("/favicon.svg").status()).isEqualTo(200);
		assertThat(browser.get("/admin/twilio").status()).isEqualTo(403);
	}

}
