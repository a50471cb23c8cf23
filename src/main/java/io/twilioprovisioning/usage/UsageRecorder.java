package io.twilioprovisioning.usage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.twilioprovisioning.numbers.InventoryWiped;
import io.twilioprovisioning.numbers.NumberAdopted;
import io.twilioprovisioning.numbers.NumberEvent;
import io.twilioprovisioning.numbers.NumberFoundGone;
import io.twilioprovisioning.numbers.NumberPurchased;
import io.twilioprovisioning.numbers.NumberReassigned;
import io.twilioprovisioning.numbers.NumberReleased;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.numbers.TrackedNumber;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the usage tables in step with the lifecycle, in the transaction of each change
 * (so a change that rolls back leaves no trace here either): who holds which number from
 * when ({@code usage_holdings}), each number's priced row ({@code usage_number_prices},
 * priced from the cache when it is fresh, else later by {@link NumberPricer}), and the
 * day's purchases, releases and lifecycle steps by outcome ({@code usage_days}). Nothing
 * here calls Twilio.
 */
@Component
class UsageRecorder {

	/**
	 * The arrays of {@link #TRACK_ALL}, in the order {@link #track(List)} fills them.
	 */
	private static final String[] TRACK_ALL_COLUMNS = { "ids", "e164s", "isos", "types", "acquiredAts" };

	/**
	 * Each number's priced row, priced from the cache when it is fresh, one array per
	 * column.
	 */
	private static final String TRACK_ALL = """
			INSERT INTO usage_number_prices (number_id, e164, iso_country, number_type, monthly_price, currency,
			    acquired_at, priced_at)
			SELECT CAST(n.id AS bigint), n.e164, n.iso, n.type, c.monthly_price, c.currency,
			       CAST(n.acquired_at AS timestamptz), CASE WHEN c.monthly_price IS NULL THEN NULL ELSE now() END
			FROM unnest(:ids, :e164s, :isos, :types, :acquiredAts) AS n(id, e164, iso, type, acquired_at)
			LEFT JOIN LATERAL (SELECT monthly_price, currency FROM usage_price_cache
			                   WHERE iso_country = n.iso AND number_type IN (n.type, 'LOCAL') AND fetched_at > :freshAfter
			                   ORDER BY (number_type = n.type) DESC LIMIT 1) c ON TRUE
			ON CONFLICT (number_id) DO NOTHING""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final UsageProperties properties;

	private final Clock clock;

	UsageRecorder(JdbcClient jdbc, NamedParameterJdbcTemplate named, UsageProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.named = named;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void on(NumberPurchased event) {
		track(List.of(new Acquired(event.number(), event.occurredAt())));
		if (event.number().clientId() != null) {
			hold(event.number().id(), event.number().clientId(), event.occurredAt());
		}
		count(event.occurredAt(), "purchases");
	}

	@EventListener
	@Transactional
	void on(NumberAdopted event) {
		track(List.of(Acquired.of(event)));
	}

	@EventListener
	@Transactional
	void on(NumberReassigned event) {
		hold(event.number().id(), event.number().clientId(), event.occurredAt());
	}

	@EventListener
	@Transactional
	void on(NumberReleased event) {
		closed(event.number(), event.occurredAt());
	}

	@EventListener
	@Transactional
	void on(NumberFoundGone event) {
		closed(event.number(), event.occurredAt());
	}

	/**
	 * Counts every lifecycle step and its outcome for the error-rate chart.
	 */
	@EventListener
	@Transactional
	void on(NumberEvent event) {
		if (event instanceof InventoryWiped) {
			return;
		}
		count(event.occurredAt(), "steps");
		if (!"SUCCEEDED".equals(event.outcome())) {
			count(event.occurredAt(), "step_failures");
		}
	}

	/**
	 * Tracks the numbers of a chunk of adopted numbers in one statement.
	 */
	@EventListener
	@Transactional
	void on(NumbersAdopted event) {
		track(event.adopted().stream().map(Acquired::of).toList());
	}

	/**
	 * Writes the priced rows of numbers (those without a number left out) in one
	 * statement over one array per column.
	 */
	private void track(List<Acquired> numbers) {
		List<Acquired> tracked = numbers.stream().filter((one) -> one.number().phoneNumber() != null).toList();
		if (tracked.isEmpty()) {
			return;
		}
		int size = tracked.size();
		String[][] columns = new String[TRACK_ALL_COLUMNS.length][size];
		for (int i = 0; i < size; i++) {
			TrackedNumber number = tracked.get(i).number();
			NumberKind kind = NumberKind.of(number.phoneNumber());
			columns[0][i] = Long.toString(number.id());
			columns[1][i] = number.e164();
			columns[2][i] = kind.isoCountry();
			columns[3][i] = kind.type().name();
			columns[4][i] = tracked.get(i).at().toString();
		}
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("freshAfter",
				Timestamp.from(this.clock.instant().minus(this.properties.priceCacheTtl())));
		for (int i = 0; i < TRACK_ALL_COLUMNS.length; i++) {
			params.addValue(TRACK_ALL_COLUMNS[i], new SqlArrayValue("text", (Object[]) columns[i]));
		}
		this.named.update(TRACK_ALL, params);
	}

	/**
	 * Ends the number's open holding and starts one for the client, if any.
	 */
	private void hold(long numberId, Long clientId, Instant at) {
		release(numberId, at);
		if (clientId != null) {
			this.jdbc.sql("INSERT INTO usage_holdings (number_id, client_id, held_from) VALUES (:id, :client, :at)")
				.param("id", numberId)
				.param("client", clientId)
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	private void release(long numberId, Instant at) {
		this.jdbc.sql("""
				UPDATE usage_holdings SET held_until = GREATEST(held_from, :at)
				WHERE number_id = :id AND held_until IS NULL""")
			.param("id", numberId)
			.param("at", Timestamp.from(at))
			.update();
	}

	private void closed(TrackedNumber number, Instant at) {
		release(number.id(), at);
		this.jdbc.sql("UPDATE usage_number_prices SET released_at = :at WHERE number_id = :id AND released_at IS NULL")
			.param("id", number.id())
			.param("at", Timestamp.from(at))
			.update();
		count(at, "releases");
	}

	private void count(Instant at, String column) {
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		this.jdbc
			.sql("INSERT INTO usage_days (day, " + column + ") VALUES (:day, 1) ON CONFLICT (day) DO UPDATE SET "
					+ column + " = usage_days." + column + " + 1")
			.param("day", day)
			.update();
	}

	/**
	 * A number and when the platform came to hold it.
	 */
	private record Acquired(TrackedNumber number, Instant at) {

		/**
		 * An adopted number is held since Twilio says it was bought, else since adoption.
		 */
		static Acquired of(NumberAdopted adopted) {
			TrackedNumber number = adopted.number();
			return new Acquired(number, (number.purchasedAt() != null) ? number.purchasedAt() : adopted.occurredAt());
		}

	}

}
