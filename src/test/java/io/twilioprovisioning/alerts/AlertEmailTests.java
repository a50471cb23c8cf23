package io.twilioprovisioning.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import io.twilioprovisioning.platform.ProvisioningMode;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a mail sender and recipients, an alert is also e-mailed: through Spring's
 * {@link JavaMailSenderImpl} to a minimal SMTP server on 127.0.0.1 that keeps what it
 * receives; without recipients nothing is queued for e-mail.
 */
@RunningServerTest
class AlertEmailTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	@BeforeEach
	@AfterEach
	void clearAlerts() {
		this.jdbc.sql("DELETE FROM alert_outbox").update();
		this.jdbc.sql("DELETE FROM alert_states").update();
	}

	@Test
	void anAlertIsEmailedWhenSmtpAndRecipientsAreConfigured() throws IOException {
		try (SmtpServer smtp = new SmtpServer()) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(smtp.port());
			StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
			AlertProperties properties = properties(List.of("ops@example.com", "oncall@example.com"));
			Alerts alerts = new Alerts(this.jdbc, this.json, properties, ProvisioningMode.LIVE,
					beans.getBeanProvider(JavaMailSender.class), this.transactionManager, this.clock);
			AlertDelivery delivery = new AlertDelivery(this.jdbc, properties,
					beans.getBeanProvider(JavaMailSender.class), this.json, this.clock);

			alerts.raise(AlertType.LOW_BALANCE, null, "The Twilio balance is 18.40 USD, below the threshold 20 USD.");

			assertThat(delivery.deliverDue()).isEqualTo(1);
			assertThat(smtp.messages()).singleElement().satisfies((message) -> {
				assertThat(message).contains("Subject: [twilio-provisioning] FIRED: Low Twilio balance")
					.contains("ops@example.com")
					.contains("oncall@example.com")
					.contains("From: alerts@example.com")
					.contains("The Twilio balance is 18.40 USD");
			});
			assertThat(smtp.recipients()).containsExactlyInAnyOrder("<ops@example.com>", "<oncall@example.com>");
		}
	}

	@Test
	void nothingIsQueuedForEmailWithoutRecipients() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		Alerts alerts = new Alerts(this.jdbc, this.json, properties(List.of()), ProvisioningMode.LIVE,
				beans.getBeanProvider(JavaMailSender.class), this.transactionManager, this.clock);

		assertThat(alerts.raise(AlertType.NUMBERS_STUCK, null, "1 number is stuck")).isTrue();

		assertThat(this.jdbc.sql("SELECT count(*) FROM alert_outbox").query(Long.class).single()).isZero();
	}

	private static AlertProperties properties(List<String> emailTo) {
		return new AlertProperties(null, null, null, emailTo, "alerts@example.com", Duration.ofMinutes(1),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofSeconds(30), 1, 1,
				Duration.ofHours(24));
	}

	/**
	 * Just enough SMTP for one client at a time: greets, accepts every command, keeps
	 * each message's DATA and the recipients.
	 */
	static final class SmtpServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<String> messages = new CopyOnWriteArrayList<>();

		private final List<String> recipients = new CopyOnWriteArrayList<>();

		private final Thread thread;

		SmtpServer() throws IOException {
			this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
			this.thread = new Thread(this::serve, "test-smtp");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		List<String> messages() {
			return List.copyOf(this.messages);
		}

		List<String> recipients() {
			return List.copyOf(this.recipients);
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					converse(client);
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void converse(Socket client) throws IOException {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = client.getOutputStream();
			reply(out, "220 localhost test SMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
				switch (command) {
					case "DATA" -> {
						reply(out, "354 end with <CRLF>.<CRLF>");
						StringBuilder data = new StringBuilder();
						String dataLine;
						while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
							data.append(dataLine).append('\n');
						}
						this.messages.add(data.toString());
						reply(out, "250 queued");
					}
					case "RCPT" -> {
						this.recipients.add(line.substring(line.indexOf(':') + 1).strip());
						reply(out, "250 ok");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}

		private static void reply(OutputStream out, String line) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
