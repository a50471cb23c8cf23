package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.SyncItem;
import io.twilioprovisioning.numbers.SyncReport;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.platform.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-app emulator keeps its account in the application's database: a restart on the
 * same data directory changes nothing on either side.
 */
class SandboxPersistenceTests {

	private static final String ACTOR = "restart@test.local";

	@TempDir
	Path dataDir;

	@Test
	void restartChangesNothingOnEitherSide() {
		String configured;
		String byDefaults;
		BigDecimal balance;
		List<OwnedRecord> owned;
		try (ConfigurableApplicationContext first = start()) {
			long clientId = first.getBean(ClientManagement.class).create("Restart Ltd", null).id();
			NumberLifecycle numbers = first.getBean(NumberLifecycle.class);
			TrackedNumber one = numbers.purchase(new PurchaseCommand(null, "415", clientId, null, null, ACTOR))
				.number();
			TrackedNumber two = numbers.purchase(new PurchaseCommand(null, "212", clientId, "Front desk", null, ACTOR))
				.number();
			numbers.configure(NumberRef.of(one.phoneNumber()), null, true, ACTOR);
			numbers.configure(NumberRef.of(two.phoneNumber()), new WebhookConfig("https://example.com/voice",
					WebhookMethod.GET, null, "https://example.com/sms", WebhookMethod.POST, null, null), false, ACTOR);
			configured = two.e164();
			byDefaults = one.e164();
			TwilioEmulator emulator = first.getBean(TwilioEmulator.class);
			balance = emulator.balance();
			owned = emulator.ownedNumbers();
			assertThat(balance).isLessThan(TwilioEmulator.INITIAL_BALANCE);
			assertThat(owned).hasSize(2);
		}
		try (ConfigurableApplicationContext second = start()) {
			TwilioEmulator emulator = second.getBean(TwilioEmulator.class);
			assertThat(emulator.balance()).isEqualByComparingTo(balance);
			assertThat(emulator.ownedNumbers()).isEqualTo(owned);
			assertThat(emulator.ownedByNumber(configured).orElseThrow().voiceUrl())
				.isEqualTo("https://example.com/voice");
			SyncReport report = second.getBean(NumberSync.class).check(ACTOR);
			assertThat(report.checked()).isEqualTo(2);
			assertThat(report.missingCount()).isZero();
			assertThat(report.untrackedCount()).isZero();
			assertThat(report.namesDifferCount()).isZero();
			assertThat(report.webhooksDiffer()).extracting(SyncItem::phoneNumber).containsExactly(configured);
			NumberLifecycle numbers = second.getBean(NumberLifecycle.class);
			TrackedNumber reconfigured = numbers.configure(NumberRef.of(E164Number.parse(byDefaults)),
					new WebhookConfig("https://example.com/voice2", WebhookMethod.POST, null, null, null, null, null),
					false, ACTOR);
			assertThat(reconfigured.webhooks().voiceUrl()).isEqualTo("https://example.com/voice2");
			assertThat(numbers
				.search(new SearchCriteria("US", NumberType.LOCAL, "415", null, null, null, null, null, null, null,
						null, false, 30))
				.numbers()).noneMatch((offered) -> offered.phoneNumber().value().equals(byDefaults));

			second.getBean(SandboxConsole.class).reset(ACTOR, "RESET");
			assertResetOnBothSides(second);
		}
		try (ConfigurableApplicationContext third = start()) {
			assertResetOnBothSides(third);
			assertThat(third.getBean(ClientManagement.class)
				.search(new ClientQuery(null, null), new PageRequest(0, 10))
				.content()).extracting(Client::name).containsExactly("Restart Ltd");
			assertThat(third.getBean(AuditTrail.class)
				.search(new AuditQuery(null, null, "SANDBOX_RESET", null), new PageRequest(0, 10))
				.content()).singleElement().satisfies((entry) -> assertThat(entry.actor()).isEqualTo(ACTOR));
		}
	}

	private static void assertResetOnBothSides(ConfigurableApplicationContext context) {
		TwilioEmulator emulator = context.getBean(TwilioEmulator.class);
		assertThat(emulator.balance()).isEqualByComparingTo(TwilioEmulator.INITIAL_BALANCE);
		assertThat(emulator.ownedCount()).isZero();
		assertThat(emulator.purchaseCount()).isZero();
		assertThat(context.getBean(NumberLifecycle.class).counts().owned()).isZero();
		SyncReport report = context.getBean(NumberSync.class).check(ACTOR);
		assertThat(report.checked()).isZero();
		assertThat(report.inSync()).isTrue();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TwilioProvisioningApplication.class).run("--server.port=0",
				"--provisioning.database.embedded.ephemeral=false",
				"--provisioning.database.embedded.data-dir=" + this.dataDir.resolve("pg"));
	}

}
