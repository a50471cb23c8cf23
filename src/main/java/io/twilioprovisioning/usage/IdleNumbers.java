package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.InvalidParameterException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Numbers that clients hold but nobody called or texted for
 * {@link UsageProperties#idleDays() N days} (counted from the last inbound call or
 * message, or from the purchase when there was none), with what they cost per month; and
 * the release of one client's idle numbers, one by one through the lifecycle's confirmed
 * release (no bulk-job engine exists yet), after the operator typed the client's name.
 */
@Service
public class IdleNumbers {

	/** The most numbers listed or released at once. */
	public static final int LIMIT = 500;

	private static final String IDLE = """
			FROM usage_holdings h
			JOIN usage_number_prices p ON p.number_id = h.number_id
			LEFT JOIN usage_activity a ON a.number_id = h.number_id
			WHERE h.held_until IS NULL AND p.released_at IS NULL
			  AND COALESCE(GREATEST(a.last_call_at, a.last_message_at), p.acquired_at) < :cutoff""";

	private final JdbcClient jdbc;

	private final ClientManagement clients;

	private final NumberLifecycle lifecycle;

	private final UsageProperties properties;

	private final Clock clock;

	IdleNumbers(JdbcClient jdbc, ClientManagement clients, NumberLifecycle lifecycle, UsageProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.clients = clients;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The configured number of days without traffic that makes a number idle.
	 */
	public int idleDays() {
		return this.properties.idleDays();
	}

	/**
	 * The clients holding idle numbers, the costliest first.
	 */
	public List<IdleClient> clients() {
		List<IdleClient> rows = this.jdbc.sql("""
				SELECT h.client_id, count(*) AS numbers, COALESCE(sum(p.monthly_price), 0) AS monthly_cost,
				       min(p.currency) AS currency
				""" + IDLE + """

				GROUP BY h.client_id ORDER BY monthly_cost DESC, numbers DESC, h.client_id LIMIT :limit""")
			.param("cutoff", cutoff())
			.param("limit", LIMIT)
			.query((rs, i) -> new IdleClient(rs.getLong("client_id"), "", rs.getLong("numbers"),
					money(rs.getBigDecimal("monthly_cost")), rs.getString("currency")))
			.list();
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		this.clients.getAll(rows.stream().map(IdleClient::clientId).toList())
			.forEach((client) -> names.put(client.id(), client.name()));
		return rows.stream()
			.map((row) -> new IdleClient(row.clientId(), names.getOrDefault(row.clientId(), "client " + row.clientId()),
					row.numbers(), row.monthlyCost(), row.currency()))
			.toList();
	}

	/**
	 * One client's idle numbers, longest idle first.
	 */
	public List<IdleNumber> ofClient(long clientId) {
		return this.jdbc.sql("""
				SELECT p.number_id, p.e164, p.monthly_price, p.currency, p.acquired_at, a.last_call_at,
				       a.last_message_at
				""" + IDLE + """

				  AND h.client_id = :client
				ORDER BY COALESCE(GREATEST(a.last_call_at, a.last_message_at), p.acquired_at), p.number_id
				LIMIT :limit""")
			.param("cutoff", cutoff())
			.param("client", clientId)
			.param("limit", LIMIT)
			.query((rs, i) -> new IdleNumber(rs.getLong("number_id"), rs.getString("e164"),
					new E164Number(rs.getString("e164")).national(), money(rs.getBigDecimal("monthly_price")),
					rs.getString("currency"), instant(rs.getTimestamp("acquired_at")),
					instant(rs.getTimestamp("last_call_at")), instant(rs.getTimestamp("last_message_at"))))
			.list();
	}

	/**
	 * Releases the client's idle numbers one by one through
	 * {@link NumberLifecycle#release}, each confirmed by its own number.
	 * @param clientId the client
	 * @param confirmName must repeat the client's name
	 * @param expected how many idle numbers the operator saw; the release is refused when
	 * the list changed since
	 * @param actor who releases
	 * @return what happened to each number
	 * @throws InvalidParameterException when the name or the count does not match
	 */
	public ReleaseOutcome release(long clientId, String confirmName, int expected, String actor) {
		Client client = this.clients.get(clientId);
		if (confirmName == null || !confirmName.strip().equals(client.name())) {
			throw new InvalidParameterException("confirm", "Type the client's name exactly to confirm");
		}
		List<IdleNumber> idle = ofClient(clientId);
		if (idle.size() != expected) {
			throw new InvalidParameterException("expected", "The idle numbers of " + client.name()
					+ " changed since the list was shown (" + idle.size() + " now); review them again");
		}
		List<String> released = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (IdleNumber number : idle) {
			try {
				this.lifecycle.release(NumberRef.of(new E164Number(number.phoneNumber())), number.phoneNumber(), actor);
				released.add(number.phoneNumber());
			}
			catch (DomainException ex) {
				failed.add(number.phoneNumber() + ": " + ex.getMessage());
			}
		}
		return new ReleaseOutcome(client.name(), released, failed);
	}

	private Timestamp cutoff() {
		return Timestamp.from(this.clock.instant().minus(Duration.ofDays(this.properties.idleDays())));
	}

	private static BigDecimal money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, java.math.RoundingMode.HALF_UP) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A client with idle numbers.
	 *
	 * @param clientId the client
	 * @param clientName its name
	 * @param numbers how many of its numbers are idle
	 * @param monthlyCost what they cost per month
	 * @param currency the currency, when any is priced
	 */
	@NullMarked
	public record IdleClient(long clientId, String clientName, long numbers, BigDecimal monthlyCost,
			@Nullable String currency) {

	}

	/**
	 * An idle number.
	 *
	 * @param numberId the inventory id
	 * @param phoneNumber E.164
	 * @param nationalFormat as written in its country
	 * @param monthlyPrice its monthly price, when known
	 * @param currency the price's currency
	 * @param acquiredAt when it was bought
	 * @param lastCallAt its last inbound call, if any
	 * @param lastMessageAt its last inbound message, if any
	 */
	@NullMarked
	public record IdleNumber(long numberId, String phoneNumber, String nationalFormat,
			@Nullable BigDecimal monthlyPrice, @Nullable String currency, Instant acquiredAt,
			@Nullable Instant lastCallAt, @Nullable Instant lastMessageAt) {

	}

	/**
	 * The release of one client's idle numbers.
	 *
	 * @param clientName the client
	 * @param released the numbers released
	 * @param failed the numbers that could not be, with why
	 */
	public record ReleaseOutcome(String clientName, List<String> released, List<String> failed) {

	}

}
