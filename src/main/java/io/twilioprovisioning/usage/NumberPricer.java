package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberAdopted;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.numbers.NumberPurchased;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prices the numbers that have no price yet: those bought while the cached prices were
 * stale (right after the purchase commits, on a thread of its own so the purchase does
 * not wait for Twilio's Pricing API), those bought before prices were kept (the
 * back-fill, at start and every ten minutes), and those whose country Twilio could not
 * price before (tried again a day later).
 */
@Component
class NumberPricer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NumberPricer.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final PriceBook prices;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "number-pricer");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	NumberPricer(JdbcClient jdbc, PriceBook prices, Clock clock) {
		this.jdbc = jdbc;
		this.prices = prices;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NumberPurchased event) {
		soon();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NumberAdopted event) {
		soon();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NumbersAdopted event) {
		soon();
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		soon();
	}

	@Scheduled(initialDelayString = "10m", fixedDelayString = "10m")
	void periodically() {
		soon();
	}

	/**
	 * Runs {@link #priceUnpriced()} on the pricer's thread unless a run is already
	 * waiting.
	 */
	void soon() {
		if (this.queued.compareAndSet(false, true)) {
			this.executor.execute(() -> {
				this.queued.set(false);
				try {
					priceUnpriced();
				}
				catch (RuntimeException ex) {
					log.warn("Pricing numbers failed; tried again later", ex);
				}
			});
		}
	}

	/**
	 * Prices every number without a price not tried in the last day, a batch at a time:
	 * each kind of number is priced once per run (a country's prices are fetched from
	 * Twilio at most once), and a batch is written in one statement: a number used to
	 * cost two price lookups and an update (the first chunks of an adopt, stored before
	 * the price cache was filled, are 2,000–3,000 numbers).
	 * @return how many numbers got a price
	 */
	int priceUnpriced() {
		int priced = 0;
		Instant started = this.clock.instant();
		Map<NumberKind, Optional<PriceBook.Price>> known = new HashMap<>();
		while (true) {
			List<Unpriced> batch = this.jdbc.sql("""
					SELECT number_id, e164, iso_country, number_type FROM usage_number_prices
					WHERE monthly_price IS NULL AND (priced_at IS NULL OR priced_at < :retryBefore)
					ORDER BY number_id LIMIT :limit""")
				.param("retryBefore", Timestamp.from(started.minusSeconds(86_400)))
				.param("limit", BATCH)
				.query(Unpriced.class)
				.list();
			if (batch.isEmpty()) {
				return priced;
			}
			int size = batch.size();
			Long[] ids = new Long[size];
			String[] isos = new String[size];
			String[] types = new String[size];
			BigDecimal[] amounts = new BigDecimal[size];
			String[] currencies = new String[size];
			for (int i = 0; i < size; i++) {
				Unpriced number = batch.get(i);
				NumberKind kind = (number.isoCountry() != null && number.numberType() != null)
						? new NumberKind(number.isoCountry(),
								io.twilioprovisioning.numbers.NumberType.valueOf(number.numberType()))
						: NumberKind.of(new E164Number(number.e164()));
				Optional<PriceBook.Price> price = known.computeIfAbsent(kind, this.prices::monthly);
				ids[i] = number.numberId();
				isos[i] = kind.isoCountry();
				types[i] = kind.type().name();
				amounts[i] = price.map(PriceBook.Price::amount).orElse(null);
				currencies[i] = price.map(PriceBook.Price::currency).orElse(null);
				priced += price.isPresent() ? 1 : 0;
			}
			this.jdbc.sql("""
					UPDATE usage_number_prices p SET iso_country = u.iso, number_type = u.type, monthly_price = u.price,
					    currency = u.currency, priced_at = :now
					FROM unnest(:ids, :isos, :types, :prices, :currencies) AS u(id, iso, type, price, currency)
					WHERE p.number_id = u.id AND p.monthly_price IS NULL""")
				.param("ids", new SqlArrayValue("bigint", (Object[]) ids))
				.param("isos", new SqlArrayValue("text", (Object[]) isos))
				.param("types", new SqlArrayValue("text", (Object[]) types))
				.param("prices", new SqlArrayValue("numeric", (Object[]) amounts))
				.param("currencies", new SqlArrayValue("text", (Object[]) currencies))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	record Unpriced(long numberId, String e164, String isoCountry, String numberType) {

	}

}
