package io.twilioprovisioning.jobs;

/**
 * What a job does to each of its items.
 */
public enum JobKind {

	/** Sets the webhooks of many numbers: the policy's or given URLs. */
	REPOINT_WEBHOOKS,
	/** Tracks the numbers Twilio lists that are not tracked. */
	ADOPT_UNTRACKED,
	/** Records as released the tracked numbers Twilio no longer lists. */
	CLOSE_MISSING,
	/** Buys a number of numbers for a client. */
	BUY_NUMBERS,
	/** Releases every number of a client. */
	RELEASE_CLIENT,
	/** Moves every number of a client to another client. */
	MOVE_CLIENT

}
