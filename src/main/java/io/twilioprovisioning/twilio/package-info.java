/**
 * The Twilio carrier adapter: implements the {@code numbers} module's
 * {@link io.twilioprovisioning.numbers.NumberCarrier} port with the official twilio-java
 * SDK, through one {@link com.twilio.http.TwilioRestClient} built per configuration and
 * an HTTP client of our own that honours a configurable base URL, our timeouts, our retry
 * policy, a fixed concurrency cap for interactive calls and an adaptive (AIMD) one for
 * bulk calls ({@link io.twilioprovisioning.platform.BulkWork}); and the {@code usage}
 * module's price port on Twilio's Pricing API. Every SDK failure leaves this module as
 * one of the typed carrier exceptions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Twilio adapter",
		allowedDependencies = { "numbers", "tenancy", "platform", "usage" })
package io.twilioprovisioning.twilio;
