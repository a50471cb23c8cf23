package io.twilioprovisioning.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.twilioprovisioning.platform.BackgroundRefresh;
import io.twilioprovisioning.numbers.NumberEvent;
import io.twilioprovisioning.numbers.NumbersAdopted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The dashboard's run-rate and charts, computed in the background and shown from memory:
 * they add up prices and holdings over the whole inventory (about a second at 1,000,000
 * numbers, docs/benchmarks.md section 6), which no page render should wait for. The first
 * render of an instance computes them; after that a render returns the last copy at once
 * and, when the copy is older than {@link #REFRESH_AFTER} or a lifecycle step committed
 * since it was made, starts one refresh in the background. The page shows the copy's age
 * and fetches the card again while a refresh runs.
 */
@Component("usageDashboard")
public class UsageDashboard implements DisposableBean {

	/** A copy older than this is refreshed on the next render. */
	static final Duration REFRESH_AFTER = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(UsageDashboard.class);

	private final CostReports costs;

	private final UsageCharts charts;

	private final Clock clock;

	private final AtomicReference<Figures> figures = new AtomicReference<>();

	private final AtomicLong changes = new AtomicLong();

	private final BackgroundRefresh refresher = new BackgroundRefresh("usage-dashboard-refresh", this::refresh);

	UsageDashboard(CostReports costs, UsageCharts charts, Clock clock) {
		this.costs = costs;
		this.charts = charts;
		this.clock = clock;
	}

	/**
	 * The figures to show now: the last copy (computed here only when there is none yet),
	 * with a refresh started in the background when it is out of date.
	 */
	public View current() {
		Figures current = this.figures.get();
		if (current == null) {
			current = compute();
		}
		else if (current.changesSeen() != this.changes.get()
				|| Duration.between(current.computedAt(), this.clock.instant()).compareTo(REFRESH_AFTER) >= 0) {
			this.refresher.start();
		}
		return new View(current.runRate(), current.charts(),
				Duration.between(current.computedAt(), this.clock.instant()).abs(), this.refresher.running());
	}

	/** A lifecycle step committed: the figures may have changed. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(NumberEvent step) {
		this.changes.incrementAndGet();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NumbersAdopted adopted) {
		this.changes.incrementAndGet();
	}

	private void refresh() {
		try {
			compute();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the dashboard's cost figures: {}", ex.getMessage());
		}
	}

	private Figures compute() {
		long seen = this.changes.get();
		Figures computed = new Figures(this.costs.runRate(), this.charts.dashboard(), this.clock.instant(), seen);
		this.figures.set(computed);
		return computed;
	}

	@Override
	public void destroy() {
		this.refresher.close();
	}

	private record Figures(CostReports.RunRate runRate, List<UsageCharts.Chart> charts, Instant computedAt,
			long changesSeen) {

	}

	/**
	 * What the dashboard's usage card shows.
	 *
	 * @param runRate the monthly run-rate
	 * @param charts the four charts
	 * @param age how old the figures are
	 * @param refreshing whether newer figures are being computed
	 */
	public record View(CostReports.RunRate runRate, List<UsageCharts.Chart> charts, Duration age, boolean refreshing) {

	}

}
