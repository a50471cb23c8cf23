package io.twilioprovisioning.jobs.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.Job;
import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.JobParameters;
import io.twilioprovisioning.jobs.JobState;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.Browser;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A re-point job in Chromium, started from the Jobs page: its bar moves, it pauses (the
 * count stops), resumes and succeeds; another one is cancelled. The job's Twilio calls
 * wait in a sandbox latency of ten minutes until the test releases them, so every step
 * waits for a condition, never for a time. Screenshots go to
 * {@code docs/screenshots/jobs-*.png}.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsBrowserTests {

	private static final String ACTOR = RunningServerTest.ADMIN_EMAIL;

	/**
	 * Three chunks of the default 100: one to watch, one in flight when paused, the rest.
	 */
	private static final int NUMBERS = 250;

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	ClientManagement clients;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	TwilioEmulator emulator;

	@RegisterExtension
	final Browser browser = new Browser();

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void aRepointJobMovesPausesResumesAndFinishesAndAnotherIsCancelled() {
		Client client = clientWithNumbers();
		Page page = this.browser.newPage(1366, 900);
		page.onDialog((dialog) -> dialog.accept());
		page.navigate("http://127.0.0.1:" + this.port + "/admin/jobs");
		Browser.signInAsAdmin(page);
		assertThat(page).hasURL(Pattern.compile(".*/admin/jobs(\\?continue)?$"));
		// every Twilio call of the job waits until the test releases it
		this.emulator.faults().latency(Duration.ofMinutes(10));

		long id = startRepoint(page, client, "https://hooks.example.com/browser");
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() > 0);
		assertThat(page.locator("#job-progress .job-done")).hasText("0");

		releaseUntil(() -> this.jobs.get(id).done() >= 100);
		int first = shown(page, id, false);
		assertThat(first).isLessThan(NUMBERS);
		assertThat(page.locator("#job-progress .job-state")).hasText("running");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "jobs-running.png")));

		page.locator("#job-progress .job-pause").click();
		assertThat(page.locator("#job-progress .job-state")).hasText("paused");
		releaseUntil(() -> this.jobs.get(id).done() > first);
		int paused = shown(page, id, true);
		assertThat(paused).as("the items in flight end, no other starts").isLessThan(NUMBERS);
		assertThat(page.locator("#job-progress")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));
		assertThat(this.jobs.get(id).state()).isEqualTo(JobState.PAUSED);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "jobs-paused.png")));

		this.emulator.faults().clear();
		page.locator("#job-progress .job-resume").click();
		assertThat(page.locator("#job-progress .job-state")).hasText("succeeded");
		assertThat(page.locator("#job-progress .job-done")).hasText(String.valueOf(NUMBERS));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs", "screenshots", "jobs-finished.png")));

		this.emulator.faults().latency(Duration.ofMinutes(10));
		long other = startRepoint(page, client, "https://hooks.example.com/cancelled");
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() > 0);
		page.locator("#job-progress .job-cancel").click();
		assertThat(page.locator("#job-progress .job-state")).hasText("cancelled");
		this.emulator.faults().clear();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.jobs.get(other).done() > 0);
		page.reload();
		assertThat(page.locator("#job-progress .job-state")).hasText("cancelled");
		Job cancelled = this.jobs.get(other);
		assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
		assertThat(cancelled.remaining()).as("stopped after the chunk in flight").isPositive();
	}

	private long startRepoint(Page page, Client client, String voiceUrl) {
		page.navigate("http://127.0.0.1:" + this.port + "/admin/jobs");
		page.locator("#scope").selectOption("CLIENT");
		page.locator("#clientId").fill(String.valueOf(client.id()));
		page.locator("#voiceUrl").fill(voiceUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start re-point")).click();
		assertThat(page).hasURL(Pattern.compile(".*/admin/jobs/\\d+$"));
		return Long.parseLong(page.url().substring(page.url().lastIndexOf('/') + 1));
	}

	/**
	 * The done count once the page shows what the job has recorded: items whose Twilio
	 * call was let go finish and are committed a moment later (as they finish, not per
	 * chunk), so the page is compared with the job until both agree.
	 * @param reload whether to reload the page (a paused job's panel does not poll)
	 */
	private int shown(Page page, long id, boolean reload) {
		int[] done = new int[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (reload) {
				page.reload();
			}
			done[0] = this.jobs.get(id).done();
			return page.locator("#job-progress .job-done").textContent().strip().equals(String.valueOf(done[0]))
					&& this.jobs.get(id).done() == done[0];
		});
		return done[0];
	}

	/**
	 * Lets the waiting Twilio calls go on, again and again, until the condition holds.
	 */
	private void releaseUntil(java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.emulator.faults().releaseWaits();
			return condition.call();
		});
	}

	/**
	 * A client with {@link #NUMBERS} numbers: owned in the sandbox, adopted by a job,
	 * then assigned.
	 */
	private Client clientWithNumbers() {
		Client client = this.clients.create("Browser jobs " + UUID.randomUUID(), null);
		List<String> sids = new ArrayList<>();
		for (int i = 0; i < NUMBERS; i++) {
			sids.add(this.emulator.addOwned("+1808555" + (2000 + i)).sid());
		}
		Job adopt = this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, ACTOR);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.jobs.get(adopt.id()).state().finished());
		for (String sid : sids) {
			this.lifecycle.reassign(NumberRef.ofSid(sid), client.id(), null, ACTOR);
		}
		return client;
	}

}
