package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.twilioprovisioning.numbers.AccountOverview;
import io.twilioprovisioning.numbers.NumberLifecycle;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The dashboard's four charts, each as server-drawn SVG ({@link Svg}) with the same
 * figures as a table: numbers by state over the last 90 days (a snapshot a day in
 * {@code usage_days}, today's live), the month's cost by client (top 10 and the others),
 * purchases and releases per week, and the share of lifecycle steps Twilio refused or
 * failed per week. Also keeps today's snapshot current.
 */
@Service
public class UsageCharts {

	static final int DAYS = 90;

	static final int WEEKS = 13;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final JdbcClient jdbc;

	private final NumberLifecycle lifecycle;

	private final CostReports costs;

	private final Clock clock;

	UsageCharts(JdbcClient jdbc, NumberLifecycle lifecycle, CostReports costs, Clock clock) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.costs = costs;
		this.clock = clock;
	}

	/**
	 * Writes today's inventory counts into today's row (each instance, every ten minutes;
	 * the last write of a day stays as that day's snapshot).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(initialDelayString = "10m", fixedDelayString = "10m")
	public void snapshot() {
		AccountOverview.Counts counts = this.lifecycle.counts();
		this.jdbc
			.sql("""
					INSERT INTO usage_days (day, assigned, unassigned, in_flight) VALUES (:day, :assigned, :unassigned, :inFlight)
					ON CONFLICT (day) DO UPDATE SET assigned = EXCLUDED.assigned, unassigned = EXCLUDED.unassigned,
					    in_flight = EXCLUDED.in_flight""")
			.param("day", today())
			.param("assigned", counts.assigned())
			.param("unassigned", counts.unassigned())
			.param("inFlight", counts.purchasing() + counts.releasing())
			.update();
	}

	/**
	 * The four charts of the dashboard.
	 */
	public List<Chart> dashboard() {
		return List.of(states(), costByClient(), purchasesAndReleases(), errorRate());
	}

	Chart states() {
		LocalDate today = today();
		LocalDate first = today.minusDays(DAYS - 1);
		Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT day, assigned, unassigned, in_flight FROM usage_days
				WHERE day BETWEEN :first AND :today AND assigned IS NOT NULL ORDER BY day""")
			.param("first", first)
			.param("today", today)
			.query((rs, i) -> byDay.put(rs.getDate("day").toLocalDate(),
					new long[] { rs.getLong("assigned"), rs.getLong("unassigned"), rs.getLong("in_flight") }))
			.list();
		AccountOverview.Counts now = this.lifecycle.counts();
		byDay.put(today, new long[] { now.assigned(), now.unassigned(), now.purchasing() + now.releasing() });
		LocalDate start = byDay.keySet().stream().min(LocalDate::compareTo).orElse(today);
		List<String> labels = new ArrayList<>();
		List<Long> assigned = new ArrayList<>();
		List<Long> unassigned = new ArrayList<>();
		List<Long> inFlight = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		long[] carried = { 0, 0, 0 };
		for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
			long[] values = byDay.getOrDefault(day, carried);
			carried = values;
			labels.add(DAY.format(day));
			assigned.add(values[0]);
			unassigned.add(values[1]);
			inFlight.add(values[2]);
			if (byDay.containsKey(day)) {
				rows.add(List.of(day.toString(), String.valueOf(values[0]), String.valueOf(values[1]),
						String.valueOf(values[2])));
			}
		}
		String title = "Numbers by state, last " + DAYS + " days";
		String svg = Svg.lines("chart-states", title, labels, List.of(new Svg.Series("assigned", assigned),
				new Svg.Series("unassigned", unassigned), new Svg.Series("in flight", inFlight)));
		return new Chart("chart-states", title,
				"Solid line: assigned to a client; dashed: owned but unassigned; dotted: being bought or released.",
				svg, List.of("Day", "Assigned", "Unassigned", "In flight"), reversed(rows));
	}

	Chart costByClient() {
		YearMonth month = YearMonth.now(this.clock.withZone(ZoneOffset.UTC));
		List<CostReports.Slice> slices = this.costs.topClients(month, 10);
		String title = "Cost by client, " + month + " (top 10 and the others)";
		List<List<String>> rows = slices.stream()
			.map((slice) -> List.of(slice.label(), slice.amount().toPlainString() + " " + slice.currency()))
			.toList();
		String svg = slices.isEmpty() ? null
				: Svg.bars("chart-costs", title, slices.stream().map(CostReports.Slice::label).toList(),
						slices.stream().map(CostReports.Slice::amount).toList(), slices.get(0).currency());
		return new Chart("chart-costs", title,
				"Hatched bars: one client each; dotted bar: all other clients together. Prorated by days held.", svg,
				List.of("Client", "Cost"), rows);
	}

	Chart purchasesAndReleases() {
		List<Week> weeks = weeks();
		String title = "Purchases and releases per week";
		String svg = Svg.groupedBars("chart-flow", title, weeks.stream().map(Week::label).toList(),
				List.of(new Svg.Series("purchases", weeks.stream().map(Week::purchases).toList()),
						new Svg.Series("releases", weeks.stream().map(Week::releases).toList())),
				null);
		List<List<String>> rows = weeks.stream()
			.map((week) -> List.of(week.label(), String.valueOf(week.purchases()), String.valueOf(week.releases())))
			.toList();
		return new Chart("chart-flow", title, "Solid bars: purchases; hatched bars: releases (weeks start on Monday).",
				svg, List.of("Week of", "Purchases", "Releases"), reversed(rows));
	}

	Chart errorRate() {
		List<Week> weeks = weeks();
		String title = "Twilio error rate per week (lifecycle steps refused, failed or unknown)";
		List<BigDecimal> rates = weeks.stream().map(Week::errorRate).toList();
		String svg = weeks.stream().allMatch((week) -> week.steps() == 0) ? null
				: Svg.bars("chart-errors", title, weeks.stream().map(Week::label).toList(), rates, "%");
		List<List<String>> rows = weeks.stream()
			.map((week) -> List.of(week.label(), String.valueOf(week.steps()), String.valueOf(week.failures()),
					week.errorRate().toPlainString() + " %"))
			.toList();
		return new Chart("chart-errors", title,
				"Share of the week's lifecycle steps (purchase, configure, reassign, release…) that did not succeed.",
				svg, List.of("Week of", "Steps", "Not succeeded", "Error rate"), reversed(rows));
	}

	private List<Week> weeks() {
		LocalDate monday = today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = monday.minusWeeks(WEEKS - 1);
		Map<LocalDate, long[]> sums = new LinkedHashMap<>();
		for (int i = 0; i < WEEKS; i++) {
			sums.put(first.plusWeeks(i), new long[4]);
		}
		this.jdbc.sql("""
				SELECT date_trunc('week', day)::date AS week, sum(purchases) AS purchases, sum(releases) AS releases,
				       sum(steps) AS steps, sum(step_failures) AS failures
				FROM usage_days WHERE day >= :first GROUP BY 1""").param("first", first).query((rs, i) -> {
			long[] week = sums.get(rs.getDate("week").toLocalDate());
			if (week != null) {
				week[0] = rs.getLong("purchases");
				week[1] = rs.getLong("releases");
				week[2] = rs.getLong("steps");
				week[3] = rs.getLong("failures");
			}
			return null;
		}).list();
		List<Week> weeks = new ArrayList<>();
		sums.forEach((start, v) -> weeks.add(new Week(DAY.format(start), v[0], v[1], v[2], v[3])));
		return weeks;
	}

	private static List<List<String>> reversed(List<List<String>> rows) {
		List<List<String>> copy = new ArrayList<>(rows);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * One chart: its SVG and the same figures as a table.
	 *
	 * @param id the element id
	 * @param title what it shows
	 * @param legend how to read it without colour
	 * @param svg the SVG markup (escaped), or {@code null} when there is nothing to draw
	 * @param columns the table's column names
	 * @param rows the table's rows, newest first
	 */
	public record Chart(String id, String title, String legend, String svg, List<String> columns,
			List<List<String>> rows) {

	}

	record Week(String label, long purchases, long releases, long steps, long failures) {

		BigDecimal errorRate() {
			return (this.steps == 0) ? BigDecimal.ZERO.setScale(1) : BigDecimal.valueOf(this.failures * 100)
				.divide(BigDecimal.valueOf(this.steps), 1, RoundingMode.HALF_UP);
		}

	}

}
