package io.twilioprovisioning.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one client may hold of the server, with small limits so the tests see them: two
 * requests in progress per client address, two seconds for a body, 1 KB buffered per
 * body. Nothing here depends on speed: stalled requests stay stalled, and a cut is waited
 * for with a generous bound.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "provisioning.http.max-requests-per-client=2", "provisioning.http.body-timeout=2s",
				"provisioning.http.max-buffered-body=1KB" })
class ClientLimitTests {

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private static final String STALLED_WEBHOOK = "POST /webhooks/twilio/voice HTTP/1.1\r\nHost: localhost\r\n"
			+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nCallSid=CA";

	@LocalServerPort
	int port;

	@Autowired
	ClientLimits limits;

	@Test
	void aClientOverItsLimitIsRefusedWhileAnotherClientIsServed() throws IOException {
		List<RawConnection> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				stalled.add(RawConnection.open("127.0.0.3", this.port).send(STALLED_WEBHOOK));
			}
			await().atMost(GENEROUS).until(() -> this.limits.inProgress("127.0.0.3") == 2);

			try (RawConnection third = RawConnection.open("127.0.0.3", this.port)) {
				String response = third.send(STALLED_WEBHOOK).readResponse(GENEROUS);
				assertThat(RawConnection.status(response)).isEqualTo(429);
				assertThat(RawConnection.header(response, "Retry-After")).isNotNull();
				assertThat(third.closedByServer(GENEROUS)).isTrue();
			}
			assertThat(RawConnection.status(health("127.0.0.3"))).isEqualTo(429);
			assertThat(RawConnection.status(health("127.0.0.4"))).isEqualTo(200);
		}
		finally {
			for (RawConnection connection : stalled) {
				connection.close();
			}
		}
		await().atMost(GENEROUS).until(() -> this.limits.inProgress("127.0.0.3") == 0);
		assertThat(RawConnection.status(health("127.0.0.3"))).isEqualTo(200);
	}

	@Test
	void aBodyStalledPastTheTimeoutIsCutAndItsConnectionClosed() throws IOException {
		long before = this.limits.timedOutBodies();
		try (RawConnection connection = RawConnection.open("127.0.0.5", this.port)) {
			String response = connection.send(STALLED_WEBHOOK).readResponse(GENEROUS);

			assertThat(response).isNotNull();
			assertThat(RawConnection.status(response)).isEqualTo(408);
			assertThat(connection.closedByServer(GENEROUS)).isTrue();
		}
		assertThat(this.limits.timedOutBodies()).isGreaterThan(before);
		await().atMost(GENEROUS).until(() -> this.limits.inProgress("127.0.0.5") == 0);
		assertThat(this.limits.bufferedBytes()).isZero();
	}

	@Test
	void aChunkedBodyOverTheBufferLimitIsRefused() throws IOException {
		String kilobyte = "x".repeat(1024);
		try (RawConnection connection = RawConnection.open("127.0.0.6", this.port)) {
			String response = connection
				.send("POST /webhooks/twilio/voice HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
						+ "400\r\n" + kilobyte + "\r\n400\r\n" + kilobyte + "\r\n")
				.readResponse(GENEROUS);

			assertThat(RawConnection.status(response)).isEqualTo(413);
			assertThat(RawConnection.header(response, "Content-Type")).startsWith("application/problem+json");
		}
	}

	private String health(String fromAddress) throws IOException {
		try (RawConnection connection = RawConnection.open(fromAddress, this.port)) {
			return connection
				.send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
						+ "Connection: close\r\n\r\n")
				.readResponse(GENEROUS);
		}
	}

}
