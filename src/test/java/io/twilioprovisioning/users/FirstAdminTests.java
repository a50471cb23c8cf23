package io.twilioprovisioning.users;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.twilioprovisioning.platform.ProvisioningMode;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first admin at start: {@code ADMIN_PASSWORD} for an existing admin is reported as
 * ignored unless {@code ADMIN_PASSWORD_RESET=true} rotates it; a lost sandbox password
 * can be replaced by a generated one. Passwords never reach the log, except a generated
 * one.
 */
@RunningServerTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTests {

	static final String OLD = "the-old-password-123";

	static final String NEW = "the-new-password-456";

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Autowired
	UserRepository repository;

	String existingAdmin() {
		String email = "ops-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, OLD, Role.ADMIN);
		return email;
	}

	void start(ProvisioningMode mode, String email, String password, boolean reset) {
		LoginProperties properties = new LoginProperties(Duration.ofMinutes(1), 5, 10, 10, Duration.ofDays(30), email,
				password, reset);
		new FirstAdmin(this.users, this.repository, properties, mode).run(new DefaultApplicationArguments());
	}

	int status(String email, String password) {
		return ApiClient.as(this.port, email, password).get("/api/admin/users").status();
	}

	@Test
	void adminPasswordForAnExistingAdminIsReportedAsIgnored(CapturedOutput output) {
		String email = existingAdmin();
		start(ProvisioningMode.LIVE, email, NEW, false);
		assertThat(status(email, OLD)).isEqualTo(200);
		assertThat(status(email, NEW)).isEqualTo(401);
		assertThat(output).contains("ADMIN_PASSWORD was ignored: " + email)
			.contains("ADMIN_PASSWORD_RESET=true")
			.doesNotContain(NEW);
	}

	@Test
	void theSameAdminPasswordOnEveryStartSaysNothing(CapturedOutput output) {
		String email = existingAdmin();
		start(ProvisioningMode.LIVE, email, OLD, false);
		assertThat(output).doesNotContain("ADMIN_PASSWORD was ignored");
		assertThat(status(email, OLD)).isEqualTo(200);
	}

	@Test
	void resetRotatesTheExistingAdminsPassword(CapturedOutput output) {
		String email = existingAdmin();
		assertThat(status(email, OLD)).isEqualTo(200);
		start(ProvisioningMode.LIVE, email, NEW, true);
		assertThat(status(email, NEW)).isEqualTo(200);
		assertThat(status(email, OLD)).as("even though it was cached").isEqualTo(401);
		assertThat(output).contains("Reset the password of " + email).doesNotContain(NEW).doesNotContain(OLD);
	}

	@Test
	void sandboxResetWithoutAPasswordPrintsANewGeneratedOne(CapturedOutput output) {
		String email = existingAdmin();
		start(ProvisioningMode.SANDBOX, email, null, true);
		Matcher generated = Pattern.compile("password: ([A-Za-z0-9_-]{24})").matcher(output.getOut());
		assertThat(generated.find()).isTrue();
		assertThat(status(email, generated.group(1))).isEqualTo(200);
		assertThat(status(email, OLD)).isEqualTo(401);
		assertThat(output).contains("Sandbox password reset");
	}

	@Test
	void liveResetWithoutAPasswordChangesNothing(CapturedOutput output) {
		String email = existingAdmin();
		start(ProvisioningMode.LIVE, email, null, true);
		assertThat(status(email, OLD)).isEqualTo(200);
		assertThat(output).contains("ADMIN_PASSWORD_RESET=true was ignored");
	}

	@Test
	void aNewAdminIsCreatedFromTheEnvironment(CapturedOutput output) {
		String email = "new-" + UUID.randomUUID() + "@test.local";
		start(ProvisioningMode.LIVE, email, NEW, false);
		assertThat(status(email, NEW)).isEqualTo(200);
		assertThat(output).contains("Created the first admin " + email).doesNotContain(NEW);
	}

}
