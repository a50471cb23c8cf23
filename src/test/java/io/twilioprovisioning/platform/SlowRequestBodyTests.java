package io.twilioprovisioning.platform;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A body that has not arrived with its headers is read without a worker thread and then
 * handed to the application whole: forms, JSON, chunked bodies and errors behave exactly
 * as when the body arrives at once. Each request sends its headers and part of its body,
 * waits until the server is buffering it, then sends the rest.
 */
@RunningServerTest
class SlowRequestBodyTests {

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ClientLimits limits;

	@Test
	void loginFormWhoseBodyArrivesLateSignsIn() throws IOException {
		String page;
		try (RawConnection connection = RawConnection.open("127.0.0.1", this.port)) {
			page = connection.send("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.readResponse(GENEROUS);
		}
		String cookie = RawConnection.header(page, "Set-Cookie").split(";")[0];
		Matcher csrf = CSRF.matcher(RawConnection.body(page));
		assertThat(csrf.find()).isTrue();
		String form = "email=" + encode(RunningServerTest.ADMIN_EMAIL) + "&password="
				+ encode(RunningServerTest.ADMIN_PASSWORD) + "&_csrf=" + encode(csrf.group(1));

		String response = sendInTwoParts("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n", form, false);

		assertThat(RawConnection.status(response)).isEqualTo(302);
		assertThat(RawConnection.header(response, "Location")).doesNotContain("error").endsWith("/");
	}

	@Test
	void jsonBodyThatArrivesLateCreatesAClient() throws IOException {
		String response = sendInTwoParts(apiPost("/api/admin/clients", true),
				"{\"name\":\"Late Body Ltd\",\"contactEmail\":\"ops@late.example\"}", false);

		assertThat(RawConnection.status(response)).isEqualTo(201);
		assertThat(RawConnection.body(response)).contains("Late Body Ltd");
		assertThat(RawConnection.header(response, "Connection")).isEqualTo("close");
	}

	@Test
	void chunkedJsonBodyThatArrivesLateCreatesAClient() throws IOException {
		String response = sendInTwoParts(apiPost("/api/admin/clients", true),
				"{\"name\":\"Late Chunks Ltd\",\"contactEmail\":\"ops@chunks.example\"}", true);

		assertThat(RawConnection.status(response)).isEqualTo(201);
		assertThat(RawConnection.body(response)).contains("Late Chunks Ltd");
	}

	@Test
	void invalidJsonThatArrivesLateIsAProblem() throws IOException {
		String response = sendInTwoParts(apiPost("/api/admin/clients", true), "{\"name\": [1, 2, 3}", false);

		assertThat(RawConnection.status(response)).isEqualTo(400);
		assertThat(RawConnection.header(response, "Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anonymousPostThatArrivesLateIsUnauthorized() throws IOException {
		String response = sendInTwoParts(apiPost("/api/admin/clients", false), "{\"name\":\"Nobody\"}", false);

		assertThat(RawConnection.status(response)).isEqualTo(401);
		assertThat(RawConnection.header(response, "Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void wrongMethodWithALateBodyIsAProblemFromTheErrorPage() throws IOException {
		String response = sendInTwoParts(
				"PATCH /api/admin/twilio/account HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
						+ "Authorization: " + basic() + "\r\nContent-Type: application/json\r\n",
				"{\"a\":1}", false);

		assertThat(RawConnection.status(response)).isEqualTo(405);
		assertThat(RawConnection.header(response, "Content-Type")).startsWith("application/problem+json");
	}

	private String apiPost(String path, boolean authenticated) {
		return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
				+ (authenticated ? "Authorization: " + basic() + "\r\n" : "") + "Content-Type: application/json\r\n";
	}

	/**
	 * Sends the head and the first half of the body, waits until the server buffers it
	 * without a thread, then sends the second half.
	 */
	private String sendInTwoParts(String head, String body, boolean chunked) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		int half = bytes.length / 2;
		String first = new String(bytes, 0, half, StandardCharsets.UTF_8);
		String second = new String(bytes, half, bytes.length - half, StandardCharsets.UTF_8);
		int bufferingBefore = this.limits.buffering();
		try (RawConnection connection = RawConnection.open("127.0.0.1", this.port)) {
			if (chunked) {
				connection.send(head + "Transfer-Encoding: chunked\r\n\r\n" + chunk(first));
			}
			else {
				connection.send(head + "Content-Length: " + bytes.length + "\r\n\r\n" + first);
			}
			await().atMost(GENEROUS).until(() -> this.limits.buffering() > bufferingBefore);
			connection.send(chunked ? chunk(second) + "0\r\n\r\n" : second);
			String response = connection.readResponse(GENEROUS);
			assertThat(response).isNotNull();
			return response;
		}
	}

	private static String chunk(String text) {
		return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
