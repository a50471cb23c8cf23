package io.twilioprovisioning.numbers;

import java.math.BigDecimal;

/**
 * The account's balance.
 *
 * @param amount the amount, e.g. {@code 20.25}
 * @param currency ISO 4217 code, e.g. {@code USD}
 */
public record AccountBalance(BigDecimal amount, String currency) {

}
