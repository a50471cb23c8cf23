/**
 * Bulk work as durable background jobs: re-point webhooks, buy, release or move a
 * client's numbers, adopt untracked numbers, close missing ones. Each job keeps its
 * parameters, state, counts and one outcome per item; items run in chunks whose outcomes
 * are committed together, so a job resumes where it stopped on any instance. The job
 * engine is db-scheduler (docs/adr/0018). Every item goes through the {@code numbers}
 * lifecycle, inside {@link io.twilioprovisioning.platform.BulkWork}. A job that ends
 * failed or partly failed raises an alert ({@code alerts}); {@link JobMetrics} publishes
 * how many jobs run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs",
		allowedDependencies = { "platform", "numbers", "clients", "alerts" })
package io.twilioprovisioning.jobs;
