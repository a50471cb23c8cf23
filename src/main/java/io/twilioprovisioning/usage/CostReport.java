package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * What each client's numbers cost in one month, for invoicing. A number costs its monthly
 * price times the days its client held it in the month over the days of the month; a day
 * is billed to whoever held the number at the end of it (UTC), so a reassignment day goes
 * to the new client and a number bought and released on the same day costs nothing. A
 * holding still open counts to the end of the month.
 *
 * @param month the month, {@code YYYY-MM}
 * @param daysInMonth the days of the month
 * @param complete whether the month is over (else open holdings are projected to its end)
 * @param clients each client that held a number in the month, by name
 * @param totals the cost of all clients, one amount per currency
 * @param unpriced lines whose number has no known price (not in the totals)
 */
@NullMarked
public record CostReport(@Schema(type = "string", example = "2026-11") YearMonth month, int daysInMonth,
		boolean complete, List<ClientCost> clients, List<Amount> totals, long unpriced) {

	/**
	 * One client's month.
	 *
	 * @param clientId the client
	 * @param clientName its name
	 * @param numbers how many numbers it held for at least one day
	 * @param numberDays the days held, summed over the numbers
	 * @param cost its cost, one amount per currency
	 * @param lines each number it held, once per holding
	 */
	@NullMarked
	public record ClientCost(long clientId, String clientName, int numbers, long numberDays, List<Amount> cost,
			List<Line> lines) {

	}

	/**
	 * One number held by one client for part or all of the month.
	 *
	 * @param numberId the inventory id
	 * @param phoneNumber the number in E.164
	 * @param country ISO 3166 country that prices it
	 * @param type {@code LOCAL}, {@code MOBILE} or {@code TOLL_FREE}
	 * @param monthlyPrice its monthly price, when known
	 * @param currency the price's currency, when known
	 * @param firstDay the first day billed
	 * @param lastDay the last day billed
	 * @param days the days billed
	 * @param cost {@code monthlyPrice × days / daysInMonth}, rounded half up to cents
	 */
	@NullMarked
	public record Line(long numberId, String phoneNumber, @Nullable String country, @Nullable String type,
			@Nullable BigDecimal monthlyPrice, @Nullable String currency, LocalDate firstDay, LocalDate lastDay,
			int days, @Nullable BigDecimal cost) {

	}

	/**
	 * An amount of money.
	 *
	 * @param amount the amount
	 * @param currency ISO 4217 code
	 */
	@NullMarked
	public record Amount(BigDecimal amount, String currency) {

	}

}
