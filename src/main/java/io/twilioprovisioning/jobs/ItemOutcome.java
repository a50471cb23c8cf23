package io.twilioprovisioning.jobs;

/**
 * What happened to one item of a job.
 */
public enum ItemOutcome {

	/** Not taken yet. */
	PENDING,
	/** Taken by a chunk that has not committed its outcome. */
	RUNNING,
	/** Changed as asked. */
	DONE,
	/** Twilio or the lifecycle refused or failed; can be retried. */
	FAILED,
	/** Nothing to do: already so, changed meanwhile, or nothing left to buy. */
	SKIPPED

}
