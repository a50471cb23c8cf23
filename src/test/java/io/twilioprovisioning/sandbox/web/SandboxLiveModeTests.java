package io.twilioprovisioning.sandbox.web;

import io.twilioprovisioning.sandbox.SandboxConsole;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In live mode the sandbox's run-time API and page do not exist: 404, and no beans. The
 * Twilio base URL points at a closed port; nothing here calls it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "provisioning.mode=live", "twilio.account-sid=AC00000000000000000000000000000001",
				"twilio.auth-token=live-mode-test-token", "twilio.api-base-url=http://127.0.0.1:9",
				"app.base-url=https://provisioning.example.com" })
class SandboxLiveModeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theSandboxApiAndPageAre404() {
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		assertThat(admin.get("/api/admin/sandbox/faults").status()).isEqualTo(404);
		assertThat(admin.put("/api/admin/sandbox/faults", "{}").status()).isEqualTo(404);
		assertThat(admin.delete("/api/admin/sandbox/faults").status()).isEqualTo(404);
		assertThat(admin.post("/api/admin/sandbox/reset", "{\"confirm\":\"RESET\"}").status()).isEqualTo(404);
		assertThat(admin.get("/v3/api-docs").body()).doesNotContain("/api/admin/sandbox");
		assertThat(this.context.getBeanNamesForType(SandboxConsole.class)).isEmpty();
	}

}
