/**
 * The append-only audit trail: who did what to which number, when, with what outcome and
 * Twilio error code. Fed by the lifecycle's events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "numbers", "platform" })
package io.twilioprovisioning.audit;
