package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the monthly {@link CostReport} from who held which number when and the price
 * each number was bought at, and the monthly run-rate of the numbers owned now.
 */
@Service
public class CostReports {

	private final JdbcClient jdbc;

	private final ClientManagement clients;

	private final Clock clock;

	CostReports(JdbcClient jdbc, ClientManagement clients, Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.clock = clock;
	}

	/**
	 * The cost report of a month.
	 * @param month the month
	 * @return the report, clients by name
	 */
	public CostReport month(YearMonth month) {
		Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Held> held = this.jdbc
			.sql("""
					SELECT h.client_id, p.number_id, p.e164, p.iso_country, p.number_type, p.monthly_price, p.currency,
					       GREATEST(h.held_from, :start) AS held_from, LEAST(COALESCE(h.held_until, :end), :end) AS held_until
					FROM usage_holdings h JOIN usage_number_prices p ON p.number_id = h.number_id
					WHERE h.held_from < :end AND (h.held_until IS NULL OR h.held_until > :start)
					ORDER BY h.client_id, p.e164, h.held_from""")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.query(Held.class)
			.list();
		Map<Long, String> names = this.clients.getAll(held.stream().map(Held::clientId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Client::id, Client::name));
		int daysInMonth = month.lengthOfMonth();
		Map<Long, List<CostReport.Line>> byClient = new LinkedHashMap<>();
		long unpriced = 0;
		for (Held h : held) {
			CostReport.Line line = line(h, daysInMonth);
			if (line == null) {
				continue;
			}
			if (line.cost() == null) {
				unpriced++;
			}
			byClient.computeIfAbsent(h.clientId(), (id) -> new ArrayList<>()).add(line);
		}
		List<CostReport.ClientCost> costs = new ArrayList<>();
		List<CostReport.Line> all = new ArrayList<>();
		byClient.forEach((clientId, lines) -> {
			all.addAll(lines);
			costs.add(new CostReport.ClientCost(clientId, names.getOrDefault(clientId, "client " + clientId),
					(int) lines.stream().map(CostReport.Line::numberId).distinct().count(),
					lines.stream().mapToLong(CostReport.Line::days).sum(), sum(lines), List.copyOf(lines)));
		});
		costs.sort(Comparator.comparing((CostReport.ClientCost c) -> c.clientName().toLowerCase())
			.thenComparing(CostReport.ClientCost::clientId));
		boolean complete = !end.isAfter(this.clock.instant());
		return new CostReport(month, daysInMonth, complete, costs, sum(all), unpriced);
	}

	/**
	 * What the numbers owned now cost per month.
	 * @return the run-rate
	 */
	public RunRate runRate() {
		List<CostReport.Amount> owned = new ArrayList<>();
		List<CostReport.Amount> assigned = new ArrayList<>();
		long[] counts = new long[3];
		this.jdbc.sql("""
				SELECT p.currency, sum(p.monthly_price) AS total, count(*) AS numbers,
				       sum(p.monthly_price) FILTER (WHERE h.number_id IS NOT NULL) AS held,
				       count(h.number_id) AS held_numbers
				FROM usage_number_prices p
				LEFT JOIN usage_holdings h ON h.number_id = p.number_id AND h.held_until IS NULL
				WHERE p.released_at IS NULL AND p.monthly_price IS NOT NULL
				GROUP BY p.currency ORDER BY p.currency""").query((rs, i) -> {
			owned.add(new CostReport.Amount(rs.getBigDecimal("total").setScale(2, RoundingMode.HALF_UP),
					rs.getString("currency")));
			BigDecimal held = rs.getBigDecimal("held");
			assigned.add(new CostReport.Amount(
					(held != null) ? held.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2),
					rs.getString("currency")));
			counts[0] += rs.getLong("numbers");
			counts[1] += rs.getLong("held_numbers");
			return null;
		}).list();
		counts[2] = this.jdbc
			.sql("SELECT count(*) FROM usage_number_prices WHERE released_at IS NULL AND monthly_price IS NULL")
			.query(Long.class)
			.single();
		return new RunRate(owned, assigned, counts[0], counts[1], counts[2]);
	}

	/**
	 * The month's cost per client, the largest {@code top} clients and the rest together,
	 * in the first currency of the report (the others are rare and left to the report).
	 * @param month the month
	 * @param top how many clients to name
	 * @return the slices, largest first, the rest last
	 */
	public List<Slice> topClients(YearMonth month, int top) {
		Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Ranked> ranked = this.jdbc
			.sql("""
					WITH lines AS (
					    SELECT h.client_id, p.currency,
					           ROUND(p.monthly_price * ((LEAST(COALESCE(h.held_until, :end), :end) AT TIME ZONE 'UTC')::date
					               - (GREATEST(h.held_from, :start) AT TIME ZONE 'UTC')::date) / :days, 2) AS cost
					    FROM usage_holdings h JOIN usage_number_prices p ON p.number_id = h.number_id
					    WHERE h.held_from < :end AND (h.held_until IS NULL OR h.held_until > :start)
					      AND p.monthly_price IS NOT NULL),
					by_client AS (
					    SELECT client_id, currency, sum(cost) AS cost FROM lines WHERE cost > 0 GROUP BY client_id, currency),
					main AS (
					    SELECT currency FROM by_client GROUP BY currency ORDER BY sum(cost) DESC, currency LIMIT 1),
					ranked AS (
					    SELECT client_id, currency, cost, row_number() OVER (ORDER BY cost DESC, client_id) AS rank
					    FROM by_client WHERE currency = (SELECT currency FROM main))
					SELECT client_id, currency, cost, 1 AS clients FROM ranked WHERE rank <= :top
					UNION ALL
					SELECT NULL, min(currency), sum(cost), count(*) FROM ranked WHERE rank > :top HAVING count(*) > 0""")
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("days", month.lengthOfMonth())
			.param("top", top)
			.query(Ranked.class)
			.list();
		Map<Long, String> names = this.clients
			.getAll(ranked.stream().map(Ranked::clientId).filter(java.util.Objects::nonNull).toList())
			.stream()
			.collect(Collectors.toMap(Client::id, Client::name));
		List<Ranked> ordered = new ArrayList<>(ranked);
		ordered.sort(Comparator.comparing((Ranked row) -> row.clientId() == null)
			.thenComparing(Ranked::cost, Comparator.reverseOrder())
			.thenComparing(Ranked::clientId, Comparator.nullsLast(Comparator.naturalOrder())));
		List<Slice> slices = new ArrayList<>();
		for (Ranked row : ordered) {
			String label = (row.clientId() != null) ? names.getOrDefault(row.clientId(), "client " + row.clientId())
					: "Others (" + row.clients() + " clients)";
			slices.add(new Slice(label, row.cost(), row.currency(), (int) row.clients()));
		}
		return slices;
	}

	record Ranked(Long clientId, String currency, BigDecimal cost, long clients) {

	}

	static CostReport.Line line(Held h, int daysInMonth) {
		LocalDate first = LocalDate.ofInstant(h.heldFrom(), ZoneOffset.UTC);
		LocalDate until = LocalDate.ofInstant(h.heldUntil(), ZoneOffset.UTC);
		int days = (int) ChronoUnit.DAYS.between(first, until);
		if (days <= 0) {
			return null;
		}
		BigDecimal cost = (h.monthlyPrice() != null) ? h.monthlyPrice()
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(daysInMonth), 2, RoundingMode.HALF_UP) : null;
		BigDecimal price = (h.monthlyPrice() != null) ? h.monthlyPrice().stripTrailingZeros() : null;
		if (price != null && price.scale() < 2) {
			price = price.setScale(2);
		}
		return new CostReport.Line(h.numberId(), h.e164(), h.isoCountry(), h.numberType(), price, h.currency(), first,
				until.minusDays(1), days, cost);
	}

	private static List<CostReport.Amount> sum(List<CostReport.Line> lines) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		for (CostReport.Line line : lines) {
			if (line.cost() != null) {
				totals.merge(line.currency(), line.cost(), BigDecimal::add);
			}
		}
		return totals.entrySet().stream().map((e) -> new CostReport.Amount(e.getValue(), e.getKey())).toList();
	}

	record Held(long clientId, long numberId, String e164, String isoCountry, String numberType,
			BigDecimal monthlyPrice, String currency, Instant heldFrom, Instant heldUntil) {

	}

	/**
	 * What the numbers owned now cost per month.
	 *
	 * @param owned all numbers owned and priced, one amount per currency
	 * @param assigned the part held by clients
	 * @param numbers how many owned numbers are priced
	 * @param assignedNumbers how many of them clients hold
	 * @param unpriced owned numbers without a known price
	 */
	public record RunRate(List<CostReport.Amount> owned, List<CostReport.Amount> assigned, long numbers,
			long assignedNumbers, long unpriced) {

	}

	/**
	 * One bar of the cost-by-client chart.
	 *
	 * @param label the client's name, or the others
	 * @param amount its cost in the month
	 * @param currency the currency
	 * @param clients how many clients it stands for
	 */
	public record Slice(String label, BigDecimal amount, String currency, int clients) {

	}

}
