package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.NumberType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Twilio's monthly number prices, kept in PostgreSQL and fetched again at most once per
 * {@link UsageProperties#priceCacheTtl() day} per country, so every instance shares one
 * copy and a price lookup is a Twilio call only once a day. When Twilio cannot be asked,
 * the last prices known are used, however old.
 */
@Component
class PriceBook {

	private static final Logger log = LoggerFactory.getLogger(PriceBook.class);

	private final JdbcClient jdbc;

	private final PriceSource source;

	private final UsageProperties properties;

	private final Clock clock;

	PriceBook(JdbcClient jdbc, PriceSource source, UsageProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.source = source;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The monthly price of a number of this kind: from the cache while it is fresh, else
	 * from Twilio. Never called inside a transaction (it may call Twilio).
	 * @return the price, or empty when neither Twilio nor the cache has one
	 */
	Optional<Price> monthly(NumberKind kind) {
		Instant freshAfter = this.clock.instant().minus(this.properties.priceCacheTtl());
		if (!fetchedSince(kind.isoCountry(), freshAfter)) {
			refresh(kind.isoCountry());
		}
		return cached(kind);
	}

	private boolean fetchedSince(String isoCountry, Instant after) {
		return this.jdbc.sql("SELECT count(*) FROM usage_price_cache WHERE iso_country = :iso AND fetched_at > :after")
			.param("iso", isoCountry)
			.param("after", Timestamp.from(after))
			.query(Long.class)
			.single() > 0;
	}

	private void refresh(String isoCountry) {
		if (!isoCountry.matches("[A-Z]{2}") || "ZZ".equals(isoCountry)) {
			return;
		}
		CountryPrices prices;
		try {
			prices = this.source.monthlyPrices(isoCountry);
		}
		catch (CarrierException ex) {
			log.warn("Could not fetch Twilio's number prices for {}, using the last known: {}", isoCountry,
					ex.getMessage());
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Map.Entry<NumberType, BigDecimal> price : prices.monthly().entrySet()) {
			this.jdbc.sql("""
					INSERT INTO usage_price_cache (iso_country, number_type, monthly_price, currency, fetched_at)
					VALUES (:iso, :type, :price, :currency, :now)
					ON CONFLICT (iso_country, number_type) DO UPDATE SET monthly_price = EXCLUDED.monthly_price,
					    currency = EXCLUDED.currency, fetched_at = EXCLUDED.fetched_at""")
				.param("iso", isoCountry)
				.param("type", price.getKey().name())
				.param("price", price.getValue())
				.param("currency", prices.currency())
				.param("now", now)
				.update();
		}
		if (prices.monthly().isEmpty()) {
			log.info("Twilio lists no number prices for {}", isoCountry);
		}
	}

	private Optional<Price> cached(NumberKind kind) {
		return this.jdbc.sql("""
				SELECT monthly_price, currency FROM usage_price_cache
				WHERE iso_country = :iso AND number_type IN (:type, 'LOCAL')
				ORDER BY (number_type = :type) DESC LIMIT 1""")
			.param("iso", kind.isoCountry())
			.param("type", kind.type().name())
			.query((rs, i) -> new Price(rs.getBigDecimal("monthly_price"), rs.getString("currency")))
			.optional();
	}

	/**
	 * A monthly price.
	 *
	 * @param amount the amount per month
	 * @param currency ISO 4217 code
	 */
	record Price(BigDecimal amount, String currency) {

	}

}
