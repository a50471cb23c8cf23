package io.twilioprovisioning.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.numbers.WebhookPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as {@code SERVER_PORT=<port> ./mvnw spring-boot:run} starts it in
 * sandbox mode: it listens on 127.0.0.1 only and says so, and the webhooks it configures
 * point at that port.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerAddressTests {

	@Test
	void sandboxListensOnLoopbackAndItsWebhooksFollowThePort(CapturedOutput output) throws IOException {
		int port = freePort();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run("--server.port=" + port)) {
			TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();

			assertThat(server.getPort()).isEqualTo(port);
			assertThat(server.getTomcat().getConnector().getProperty("address"))
				.isEqualTo(InetAddress.getByName("127.0.0.1"));
			assertThat(output).contains("Sandbox mode: listening on 127.0.0.1 only; set SERVER_ADDRESS to");
			assertThat(context.getBean(WebhookPolicy.class).defaults().voiceUrl())
				.isEqualTo("http://localhost:" + port + "/webhooks/twilio/voice");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
