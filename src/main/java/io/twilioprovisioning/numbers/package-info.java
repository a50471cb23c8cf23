/**
 * The inventory of phone numbers and their lifecycle, and the carrier port
 * ({@link io.twilioprovisioning.numbers.NumberCarrier}) with its value types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Numbers",
		allowedDependencies = { "platform", "clients" })
package io.twilioprovisioning.numbers;
