package io.twilioprovisioning.jobs;

import java.time.Instant;

/**
 * The outcome of one item of a job.
 *
 * @param seq its place in the job
 * @param itemKey what it is, e.g. the E.164 number
 * @param outcome what happened
 * @param twilioCode Twilio's error code when Twilio refused or failed, or {@code null}
 * @param message why it failed or was skipped, or {@code null}
 * @param attempts how often it was taken
 * @param finishedAt when its outcome was recorded, or {@code null}
 */
public record JobItem(long seq, String itemKey, ItemOutcome outcome, Integer twilioCode, String message, int attempts,
		Instant finishedAt) {

}
