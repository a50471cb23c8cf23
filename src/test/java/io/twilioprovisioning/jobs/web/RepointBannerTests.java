package io.twilioprovisioning.jobs.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.numbers.AccountOverview;
import io.twilioprovisioning.numbers.AccountStatus;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookPolicy;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard offers a re-point job when stored webhooks no longer match the policy,
 * and its button starts that job (out-of-policy numbers, to the policy) and leads to the
 * job's page; with every active number on the policy there is no banner.
 */
@RunningServerTest
class RepointBannerTests {

	private static final String ACTOR = RunningServerTest.ADMIN_EMAIL;

	@LocalServerPort
	int port;

	@Autowired
	Jobs jobs;

	@Autowired
	ClientManagement clients;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	AccountStatus status;

	@Autowired
	WebhookPolicy policy;

	@Autowired
	JdbcClient jdbc;

	BrowserSession admin;

	@BeforeEach
	void logIn() {
		this.admin = new BrowserSession(this.port);
		this.admin.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void theBannerOffersARepointWhenStoredWebhooksDifferAndItsButtonStartsIt() {
		Client client = this.clients.create("Banner " + UUID.randomUUID(), null);
		TrackedNumber number = this.lifecycle
			.purchase(new PurchaseCommand(fresh(), null, client.id(), null, null, ACTOR))
			.number();
		this.lifecycle.configure(NumberRef.ofSid(number.sid()),
				new WebhookConfig("https://old-domain.example.com/voice", null, null,
						"https://old-domain.example.com/sms", null, null, null),
				false, ACTOR);
		countedUntil((counts) -> counts.webhooksDiffer() >= 1);

		String dashboard = this.admin.get("/admin/twilio").html();

		assertThat(dashboard).contains("id=\"repoint-banner\"")
			.contains("webhooks other than the policy")
			.contains("name=\"scope\" value=\"OUT_OF_POLICY\"")
			.contains("Re-point them to the policy");

		Page started = this.admin.postForm("/admin/jobs", "/admin/twilio",
				Map.of("kind", "REPOINT_WEBHOOKS", "scope", "OUT_OF_POLICY"));

		assertThat(started.status()).isEqualTo(302);
		assertThat(started.location()).matches(".*/admin/jobs/\\d+");
		long id = Long.parseLong(started.location().substring(started.location().lastIndexOf('/') + 1));
		assertThat(this.jobs.get(id).kind()).isEqualTo(JobKind.REPOINT_WEBHOOKS);
		await().atMost(Duration.ofSeconds(60)).until(() -> this.jobs.get(id).state().finished());
		assertThat(this.jobs.get(id).done()).as("at least this test's number was re-pointed").isGreaterThanOrEqualTo(1);
		assertThat(this.policy.matches(this.lifecycle.get(number.id()).webhooks()))
			.as("the job put the number back on the policy")
			.isTrue();
		assertThat(this.admin.get("/admin/jobs/" + id).html()).contains("Progress");
	}

	@Test
	void noBannerWhileEveryActiveNumberFollowsThePolicy() {
		WebhookConfig defaults = this.policy.defaults();
		// other tests' numbers with their own webhooks are put on the policy, and back
		// after
		List<Map<String, Object>> saved = this.jdbc.sql("""
				SELECT id, voice_url, voice_method, sms_url, sms_method, status_callback FROM phone_numbers
				WHERE state = 'ACTIVE' AND (voice_url IS DISTINCT FROM :voice OR sms_url IS DISTINCT FROM :sms
				  OR status_callback IS DISTINCT FROM :status OR coalesce(voice_method, 'POST') <> 'POST'
				  OR coalesce(sms_method, 'POST') <> 'POST')""")
			.param("voice", defaults.voiceUrl())
			.param("sms", defaults.smsUrl())
			.param("status", defaults.statusCallback())
			.query()
			.listOfRows();
		try {
			for (Map<String, Object> row : saved) {
				this.jdbc.sql("""
						UPDATE phone_numbers SET voice_url = ?, voice_method = 'POST', sms_url = ?, sms_method = 'POST',
						  status_callback = ? WHERE id = ?""")
					.params(defaults.voiceUrl(), defaults.smsUrl(), defaults.statusCallback(), row.get("id"))
					.update();
			}
			countedUntil((counts) -> counts.webhooksDiffer() == 0);

			String dashboard = this.admin.get("/admin/twilio").html();

			assertThat(dashboard).contains("Twilio dashboard").doesNotContain("repoint-banner");
		}
		finally {
			for (Map<String, Object> row : saved) {
				this.jdbc.sql("""
						UPDATE phone_numbers SET voice_url = ?, voice_method = ?, sms_url = ?, sms_method = ?,
						  status_callback = ? WHERE id = ?""")
					.params(row.get("voice_url"), row.get("voice_method"), row.get("sms_url"), row.get("sms_method"),
							row.get("status_callback"), row.get("id"))
					.update();
			}
		}
	}

	private io.twilioprovisioning.numbers.E164Number fresh() {
		for (String areaCode : List.of("702", "404", "303", "510")) {
			try {
				return FreshNumbers.forSale(this.lifecycle, this.jdbc, areaCode);
			}
			catch (IllegalStateException ex) {
				// every number of this area code is tracked: the next one
			}
		}
		throw new IllegalStateException("No number left for sale in the sandbox");
	}

	/**
	 * Recounts the dashboard's cached inventory until the counts say so.
	 */
	private void countedUntil(java.util.function.Predicate<AccountOverview.Counts> condition) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			this.status.refreshInBackground();
			AccountOverview.Counts counts = this.status.peek().counts();
			return counts != null && condition.test(counts);
		});
	}

}
