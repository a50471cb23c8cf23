package io.twilioprovisioning.platform.logging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input can forge a log line: through the application's real logging configuration
 * ({@code logback-spring.xml}, {@code logging.pattern.console}), and in the structured
 * JSON formats.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class LogForgingTests {

	static final String FORGED = "2026-01-01T00:00:00.000Z ERROR [main] forged line";

	@LocalServerPort
	int port;

	static List<String> linesWith(CapturedOutput output, String text) {
		return Arrays.stream(output.getOut().split("\n")).filter((line) -> line.contains(text)).toList();
	}

	@Test
	void aSignInEmailWithALineBreakStaysOnItsLine(CapturedOutput output) {
		// HTTP Basic ends the user name at the first colon, and emails are lower-cased.
		String forged = "2026-01-01 error [main] i.t.users.firstadmin  admin password reset";
		String email = "eve@test.local\r\n" + forged;
		assertThat(ApiClient.as(this.port, email, "guess").get("/api/admin/clients").status()).isEqualTo(401);
		List<String> lines = linesWith(output, "Failed sign-in for eve@test.local");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains("eve@test.local\\r\\n" + forged);
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(forged));
	}

	@Test
	void argumentsAreEscapedWhileTheApplicationsTemplatesKeepTheirLineBreaks(CapturedOutput output) {
		org.slf4j.Logger log = LoggerFactory.getLogger("io.twilioprovisioning.Banner");
		log.warn("first line\n second line: {} and {}", "a\nb\u202Ec", 42);
		assertThat(output).contains("first line\n second line: a\\nb\\u202ec and 42");
	}

	@Test
	void messagesOfOtherLibrariesAreEscapedWhole(CapturedOutput output) {
		org.slf4j.Logger log = LoggerFactory.getLogger("org.example.Library");
		log.warn("Resolved [Bad value 'x\r\n" + FORGED + "']");
		assertThat(linesWith(output, "Resolved [Bad value")).singleElement().asString().contains("x\\r\\n" + FORGED);
	}

	@Test
	void exceptionMessagesAreEscaped(CapturedOutput output) {
		org.slf4j.Logger log = LoggerFactory.getLogger("io.twilioprovisioning.Somewhere");
		log.warn("It failed", new IllegalArgumentException("For input string: \"1\n" + FORGED + "\"",
				new IllegalStateException("cause\r\nFORGED CAUSE")));
		assertThat(output).contains("For input string: \"1\\n" + FORGED).contains("cause\\r\\nFORGED CAUSE");
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith(FORGED));
	}

	@Test
	void structuredLogsHaveOneLinePerEventAndEscapeInvisibleCharacters() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger logger = context.getLogger("io.twilioprovisioning.users.PasswordAuthenticationProvider");
		for (String format : List.of("ecs", "logstash", "gelf")) {
			ConsoleLogEncoder encoder = new ConsoleLogEncoder();
			encoder.setContext(context);
			encoder.setFormat(format);
			encoder.setCharset(StandardCharsets.UTF_8);
			encoder.start();
			LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
					"Failed sign-in for {} from {}", null, new Object[] { "eve\r\n" + FORGED + "\u202E", "127.0.0.1" });
			String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
			encoder.stop();
			assertThat(json.strip()).as(format).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u202E");
			assertThat(json).as(format).contains("eve\\r\\n" + FORGED).contains("\\u202e");
		}
	}

}
