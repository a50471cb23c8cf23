package io.twilioprovisioning.sandbox.web;

import java.math.BigDecimal;

/**
 * The emulated account after a reset.
 *
 * @param balance the main account's balance in USD
 * @param ownedNumbers how many numbers the emulated accounts own
 * @param faults the fault plan
 */
record SandboxStatus(BigDecimal balance, int ownedNumbers, FaultPlanView faults) {

}
