package io.twilioprovisioning.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.support.RawHttpSession;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters that cannot be trusted as text, on every kind of route: bad percent-encoding
 * and bytes that are not UTF-8 (Tomcat 11 throws from {@code getParameter()}), control
 * characters (NUL, which PostgreSQL refuses) and repeated names. Each is a 400, a problem
 * detail on the API and an error page on the console, without an ERROR in the log.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedParametersTests {

	static final String[] BAD_ENCODINGS = { "%ZZ", "%", "a%2", "%FF%FE", "%C0%AF", "%ED%A0%80" };

	@LocalServerPort
	int port;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	RawHttpSession http;

	Map<String, String> api;

	@BeforeEach
	void setUp() {
		this.http = new RawHttpSession(this.port);
		this.api = Map.of("Accept", "application/json", "Authorization",
				"Basic " + Base64.getEncoder()
					.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
						.getBytes(StandardCharsets.UTF_8)));
	}

	@AfterEach
	void tearDown() {
		this.http.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/admin/clients?q=", "/api/admin/phone-numbers?q=", "/api/admin/users?page=",
			"/api/admin/audit?phoneNumber=", "/api/admin/twilio/account?x=", "/api/admin/clients?",
			"/actuator/health?a=" })
	void badPercentEncodingInAnyQueryIsA400Problem(String prefix, CapturedOutput output) {
		for (String bad : BAD_ENCODINGS) {
			RawHttpSession.Response response = this.http.get(prefix + bad, this.api);
			assertThat(response.status()).as(prefix + bad).isEqualTo(400);
			assertThat(response.contentType()).as(prefix + bad).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(response.header("Permissions-Policy")).contains("camera=()");
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/admin/clients?q=", "/api/admin/phone-numbers?q=", "/api/admin/audit?phoneNumber=",
			"/api/admin/clients?status=ACTIVE&q=" })
	void controlCharactersInApiTextAreA400NamingTheField(String prefix, CapturedOutput output) {
		for (String control : new String[] { "%00", "a%00b", "%0D%0AX-Forged:%201", "%1B%5B31m", "%7F", "%C2%85" }) {
			RawHttpSession.Response response = this.http.get(prefix + control, this.api);
			assertThat(response.status()).as(prefix + control).isEqualTo(400);
			String field = prefix.substring(prefix.lastIndexOf('&') + 1).replaceAll(".*\\?", "").replace("=", "");
			assertThat(response.body()).as(prefix + control).contains("\"field\":\"" + field + "\"");
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void aRepeatedParameterIsRefused() {
		RawHttpSession.Response response = this.http.get("/api/admin/clients?size=5&size=500", this.api);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"size\"");
	}

	@Test
	void consolePagesAnswerBadTextWithAnErrorPage(CapturedOutput output) {
		String csrf = this.http.logIn(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		Client client = this.clients.create("Console bad text " + UUID.randomUUID(), null);
		Map<String, String> html = Map.of("Accept", "text/html");
		for (String path : new String[] { "/admin/clients?q=", "/admin/phone-numbers?q=",
				"/admin/phone-numbers/export.csv?q=", "/admin/phone-numbers/client-options?clientQuery=",
				"/admin/audit?phoneNumber=", "/admin/clients/" + client.id() + "/phone/search?locality=" }) {
			for (String bad : new String[] { "%00", "a%00b", "%ZZ", "%FF%FE" }) {
				RawHttpSession.Response page = this.http.get(path + bad, html);
				assertThat(page.status()).as(path + bad).isEqualTo(400);
				assertThat(page.contentType()).as(path + bad).startsWith("text/html");
				assertThat(page.body()).as(path + bad).contains("400").doesNotContain("Exception");
			}
		}
		for (String form : new String[] { "name=%ZZ", "name=a%00b", "name=Acme&name=Other", "name=%FF%FE" }) {
			RawHttpSession.Response page = this.http.send("POST", "/admin/clients",
					Map.of("Accept", "text/html", "Content-Type", "application/x-www-form-urlencoded"),
					(form + "&_csrf=" + csrf).getBytes(StandardCharsets.US_ASCII));
			assertThat(page.status()).as(form).isEqualTo(400);
			assertThat(page.body()).as(form).contains("400").doesNotContain("Exception");
		}
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void nulInTheConsoleSearchNamesTheField() {
		this.http.logIn(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		RawHttpSession.Response page = this.http.get("/admin/phone-numbers?q=%00", Map.of("Accept", "text/html"));
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("Parameter &#39;q&#39; must not contain control characters");
	}

}
