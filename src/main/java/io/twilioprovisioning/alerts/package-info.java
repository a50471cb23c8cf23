/**
 * Alerts an operator must not miss: a low Twilio balance, numbers stuck between states,
 * drift between Twilio and the inventory, and a failed job. Each condition fires once
 * when it starts and resolves once when it ends (state in PostgreSQL, so restarts and
 * other instances agree), shows as a banner in the console, and is delivered from a
 * PostgreSQL outbox to a signed outgoing webhook and, with SMTP configured, by e-mail.
 * Other modules raise event-like alerts through
 * {@link io.twilioprovisioning.alerts.Alerts} (the hook for a failed job). See
 * docs/alerts.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alerts", allowedDependencies = { "numbers", "platform" })
package io.twilioprovisioning.alerts;
