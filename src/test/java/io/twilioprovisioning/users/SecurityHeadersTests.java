package io.twilioprovisioning.users;

import java.util.Map;

import io.twilioprovisioning.support.RawHttp;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrer-Policy, Permissions-Policy and a Content-Security-Policy on pages, API
 * answers, errors and webhooks; inline styles only on Swagger UI.
 */
@RunningServerTest
class SecurityHeadersTests {

	static final String ADMIN_BASIC = "Basic " + java.util.Base64.getEncoder()
		.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD).getBytes());

	@LocalServerPort
	int port;

	RawHttp http() {
		return RawHttp.to(this.port);
	}

	static void assertPrivacyHeaders(RawHttp.Response response) {
		assertThat(response.header("Referrer-Policy")).hasValue("same-origin");
		assertThat(response.header("Permissions-Policy")).hasValueSatisfying((policy) -> assertThat(policy)
			.contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"));
		assertThat(response.header("X-Content-Type-Options")).hasValue("nosniff");
	}

	String adminSession() {
		RawHttp.Response login = http().signIn("127.0.0.1:" + this.port, RunningServerTest.ADMIN_EMAIL,
				RunningServerTest.ADMIN_PASSWORD, null);
		return "JSESSIONID=" + login.cookie("JSESSIONID");
	}

	@Test
	void consolePagesAllowNothingInline() {
		String session = adminSession();
		for (String path : new String[] { "/login", "/admin/twilio", "/admin/clients", "/admin/users",
				"/admin/no-such-page" }) {
			RawHttp.Response page = http().get(path, Map.of("Cookie", session, "Accept", "text/html"));
			assertPrivacyHeaders(page);
			assertThat(page.header("Content-Security-Policy")).as(path)
				.hasValue(SecurityConfiguration.PAGES_CSP)
				.hasValueSatisfying(
						(csp) -> assertThat(csp).doesNotContain("unsafe-inline").contains("style-src 'self';"));
			assertThat(page.header("X-Frame-Options")).hasValue("DENY");
		}
	}

	@Test
	void onlySwaggerUiMayUseInlineStyles() {
		RawHttp.Response swagger = http().get("/swagger-ui/index.html", Map.of("Cookie", adminSession()));
		assertThat(swagger.status()).isEqualTo(200);
		assertPrivacyHeaders(swagger);
		assertThat(swagger.header("Content-Security-Policy")).hasValue(SecurityConfiguration.SWAGGER_UI_CSP);
	}

	@Test
	void apiAnswersAndErrorsCarryTheHeadersToo() {
		RawHttp.Response ok = http().get("/api/admin/clients", Map.of("Authorization", ADMIN_BASIC));
		assertThat(ok.status()).isEqualTo(200);
		RawHttp.Response unauthorized = http().get("/api/admin/clients", Map.of());
		assertThat(unauthorized.status()).isEqualTo(401);
		RawHttp.Response notFound = http().get("/api/admin/no-such-thing", Map.of("Authorization", ADMIN_BASIC));
		assertThat(notFound.status()).isEqualTo(404);
		for (RawHttp.Response response : new RawHttp.Response[] { ok, unauthorized, notFound }) {
			assertPrivacyHeaders(response);
			assertThat(response.header("Content-Security-Policy")).hasValue(SecurityConfiguration.API_CSP);
		}
	}

	@Test
	void webhookAnswersCarryTheHeaders() {
		RawHttp.Response response = http().send("POST", "/webhooks/twilio/voice",
				Map.of("Content-Type", "application/x-www-form-urlencoded"), "CallSid=CA1");
		assertThat(response.status()).isEqualTo(403);
		assertPrivacyHeaders(response);
	}

}
