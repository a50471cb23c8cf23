/**
 * The inbound endpoints Twilio calls for the numbers the platform bought (the URLs
 * {@link io.twilioprovisioning.numbers.WebhookPolicy} sets on every number): voice, SMS
 * and status callbacks, each accepted only with a valid {@code X-Twilio-Signature}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbound webhooks",
		allowedDependencies = { "numbers", "platform" })
package io.twilioprovisioning.webhooks;
