/**
 * Tenancy: where each client's numbers live in Twilio. In {@code subaccount-per-client}
 * mode every client gets a Twilio subaccount named after it; optionally a Messaging
 * Service its numbers join; and the Address and Bundle its purchases need. It answers the
 * {@code numbers} module's {@link io.twilioprovisioning.numbers.NumberPlacement} and
 * reaches Twilio through its own port {@link TenancyCarrier}, which the {@code twilio}
 * module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy",
		allowedDependencies = { "numbers", "clients", "platform" })
package io.twilioprovisioning.tenancy;
