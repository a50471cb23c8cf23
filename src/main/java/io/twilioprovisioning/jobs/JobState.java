package io.twilioprovisioning.jobs;

/**
 * Where a job is in its life.
 */
public enum JobState {

	/** Waiting for an instance to take it. */
	QUEUED,
	/** An instance works on it. */
	RUNNING,
	/**
	 * Stopped on request (items in flight finish, no other starts); resumes where it
	 * stopped.
	 */
	PAUSED,
	/** Stopped for good on request; items not done stay pending. */
	CANCELLED,
	/** Every item done or skipped. */
	SUCCEEDED,
	/** Nothing done: every item failed, or the job could not start. */
	FAILED,
	/** Some items failed, others were done. */
	PARTLY_FAILED;

	/**
	 * Whether the job has ended (it may still be retried or resumed by hand).
	 */
	public boolean finished() {
		return this == CANCELLED || this == SUCCEEDED || this == FAILED || this == PARTLY_FAILED;
	}

	/**
	 * Whether the job's items may go on being done: neither paused nor ended.
	 */
	boolean goesOn() {
		return this == QUEUED || this == RUNNING;
	}

}
