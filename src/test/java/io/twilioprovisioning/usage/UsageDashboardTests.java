package io.twilioprovisioning.usage;

import java.time.Instant;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.InventoryWiped;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.MutableClock;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's cost figures are served from memory and refreshed in the background
 * after a lifecycle step, never computed by the render that follows the step.
 */
@RunningServerTest
class UsageDashboardTests {

	@Autowired
	UsageDashboard dashboard;

	@Autowired
	CostReports costs;

	@Autowired
	UsageCharts charts;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A copy of its own, driven by hand: no event of the other tests reaches it.
	 */
	@Test
	void rendersServeTheSameFiguresUntilAChangeOrTheirAgeAsksForNewOnes() {
		MutableClock clock = new MutableClock(Instant.parse("2026-11-26T04:00:00Z"));
		UsageDashboard own = new UsageDashboard(this.costs, this.charts, clock);
		try {
			UsageDashboard.View first = own.current();
			clock.advance(UsageDashboard.REFRESH_AFTER.minusSeconds(1));
			UsageDashboard.View second = own.current();
			assertThat(second.runRate()).isSameAs(first.runRate());
			assertThat(second.charts()).isSameAs(first.charts());
			assertThat(second.refreshing()).isFalse();
			assertThat(second.age()).isEqualTo(UsageDashboard.REFRESH_AFTER.minusSeconds(1));

			own.on(new InventoryWiped("test", clock.instant(), 0));
			Polling.until("figures computed again after a change",
					() -> own.current().runRate() != first.runRate() && !own.current().refreshing());
			UsageDashboard.View changed = own.current();

			clock.advance(UsageDashboard.REFRESH_AFTER);
			Polling.until("figures computed again once a minute old",
					() -> own.current().runRate() != changed.runRate() && !own.current().refreshing());
		}
		finally {
			own.destroy();
		}
	}

	@Test
	void aPurchaseIsShownAfterABackgroundRefresh() {
		long before = settled().runRate().numbers();
		Client client = this.clients.create("Dashboard " + UUID.randomUUID().toString().substring(0, 8), null);
		long id = this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "212"), null, client.id(),
					null, null, "test"))
			.number()
			.id();
		Polling.until("number " + id + " priced",
				() -> this.jdbc
					.sql("SELECT count(*) FROM usage_number_prices WHERE number_id = :id AND monthly_price IS NOT NULL")
					.param("id", id)
					.query(Long.class)
					.single() == 1);

		Polling.until("the run-rate counts the new number",
				() -> this.dashboard.current().runRate().numbers() > before);
	}

	private UsageDashboard.View settled() {
		Polling.until("no refresh running", () -> !this.dashboard.current().refreshing());
		return this.dashboard.current();
	}

}
