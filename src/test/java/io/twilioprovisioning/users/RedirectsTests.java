package io.twilioprovisioning.users;

import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.support.RawHttp;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every redirect is relative: a forged {@code Host} header never makes the service send a
 * browser to another site.
 */
@RunningServerTest
class RedirectsTests {

	static final String EVIL = "evil.example";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	RawHttp http() {
		return RawHttp.to(this.port);
	}

	static void assertNothingNames(RawHttp.Response response, String host) {
		assertThat(response.headers()).noneMatch((header) -> header.getValue().contains(host));
	}

	static String session(RawHttp.Response response) {
		return "JSESSIONID=" + response.cookie("JSESSIONID");
	}

	@Test
	void anonymousPageRequestIsSentToARelativeLoginPage() {
		RawHttp.Response response = http().get("/admin/clients", Map.of("Host", EVIL, "Accept", "text/html"));
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).hasValue("/login");
		assertNothingNames(response, EVIL);
	}

	@Test
	void signingInGoesBackToTheRequestedPageOnTheSameSite() {
		RawHttp.Response asked = http().get("/admin/clients", Map.of("Host", EVIL, "Accept", "text/html"));
		RawHttp.Response login = http().signIn(EVIL, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD,
				session(asked));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).hasValue("/admin/clients?continue");
		assertNothingNames(login, EVIL);
	}

	@Test
	void signingInWithoutASavedPageGoesToTheStartPageAndOnToTheConsole() {
		RawHttp.Response login = http().signIn(EVIL, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD,
				null);
		assertThat(login.header("Location")).hasValue("/");
		RawHttp.Response home = http().get("/", Map.of("Host", EVIL, "Cookie", session(login)));
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.header("Location")).hasValue("/admin/twilio");
		assertNothingNames(home, EVIL);
	}

	@Test
	void wrongPasswordAndLogoutRedirectRelatively() {
		RawHttp.Response wrong = http().signIn(EVIL, RunningServerTest.ADMIN_EMAIL, "not-the-password", null);
		assertThat(wrong.header("Location")).hasValue("/login?error");

		RawHttp.Response login = http().signIn(EVIL, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD,
				null);
		Map<String, String> headers = Map.of("Host", EVIL, "Cookie", session(login), "Accept", "text/html");
		String token = http().get("/admin/users", headers)
			.body()
			.replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
		RawHttp.Response logout = http().postForm("/logout", headers, Map.of("_csrf", token));
		assertThat(logout.status()).isEqualTo(302);
		assertThat(logout.header("Location")).hasValue("/login?logout");
		assertNothingNames(logout, EVIL);
	}

	@Test
	void accessDeniedIsAPageNotARedirect() {
		String email = "staff-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, "staff-password-123", Role.USER);
		RawHttp.Response login = http().signIn(EVIL, email, "staff-password-123", null);
		RawHttp.Response denied = http().get("/admin/clients",
				Map.of("Host", EVIL, "Cookie", session(login), "Accept", "text/html"));
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.header("Location")).isEmpty();
		assertNothingNames(denied, EVIL);
	}

}
