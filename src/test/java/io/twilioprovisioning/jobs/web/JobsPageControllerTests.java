package io.twilioprovisioning.jobs.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Jobs page starts a job and shows its progress panel, which htmx polls while the job
 * runs; a bad form is a message, never an error page; the CSV neutralises formulas.
 */
@RunningServerTest
class JobsPageControllerTests {

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	ClientManagement clients;

	BrowserSession admin;

	@BeforeEach
	void logIn() {
		this.admin = new BrowserSession(this.port);
		this.admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void startingAJobShowsItsProgressPanel() {
		Client client = this.clients.create("Page " + UUID.randomUUID(), null);

		Page started = this.admin.postForm("/admin/jobs", "/admin/jobs",
				Map.of("kind", "REPOINT_WEBHOOKS", "scope", "CLIENT", "clientId", String.valueOf(client.id())));

		assertThat(started.status()).isEqualTo(302);
		assertThat(started.location()).matches(".*/admin/jobs/\\d+");
		long id = Long.parseLong(started.location().substring(started.location().lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.jobs.get(id).state().finished());
		String page = this.admin.get("/admin/jobs/" + id).html();
		assertThat(page).contains("Progress").contains("succeeded").contains("<progress").contains("items.csv");
		String panel = this.admin.get("/admin/jobs/" + id + "/progress").html();
		assertThat(panel).contains("job-progress").doesNotContain("hx-trigger");
		assertThat(this.admin.get("/admin/jobs").html()).contains("#" + id);
		assertThat(this.admin.get("/admin/jobs/running").html()).contains("Running jobs");
		assertThat(this.admin.get("/admin/jobs/" + id + "/items.csv").html()).startsWith("seq,item,outcome");
	}

	@Test
	void aBadFormIsAMessage() {
		Page refused = this.admin.postForm("/admin/jobs", "/admin/jobs",
				Map.of("kind", "RELEASE_CLIENT", "clientId", "abc"));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/admin/jobs");
		assertThat(this.admin.get("/admin/jobs").html()).contains("The job was not started");
	}

	@Test
	void csvCellsNeverRunAsFormulas() {
		assertThat(JobsPageController.csvCell("=HYPERLINK(\"x\")")).startsWith("\"'=");
		assertThat(JobsPageController.csvCell("+14155550100")).isEqualTo("+14155550100");
		assertThat(JobsPageController.csvCell("a,b")).isEqualTo("\"a,b\"");
	}

}
