package io.twilioprovisioning.jobs;

import java.util.List;

/**
 * What a job works on; which fields a kind needs is checked by {@link Jobs#start}.
 *
 * @param scope {@link JobKind#REPOINT_WEBHOOKS}: {@code ALL} active numbers,
 * {@code CLIENT} ({@code clientId}'s), {@code NUMBERS} (the given {@code phoneNumbers})
 * or {@code OUT_OF_POLICY} (those whose webhooks differ from the policy in Twilio or as
 * stored)
 * @param clientId the client whose numbers are re-pointed, bought, released or moved
 * @param toClientId {@link JobKind#MOVE_CLIENT}: the client that gets them
 * @param phoneNumbers scope {@code NUMBERS}: the numbers, E.164
 * @param voiceUrl re-point target; with no URL at all the policy's webhooks are applied
 * @param smsUrl re-point target
 * @param statusCallback re-point target
 * @param count {@link JobKind#BUY_NUMBERS}: how many to buy
 * @param areaCode {@link JobKind#BUY_NUMBERS}: 3-digit area code
 * @param region {@link JobKind#BUY_NUMBERS}: state or province, e.g. {@code CA}
 * @param contains {@link JobKind#BUY_NUMBERS}: digits the number contains
 * @param confirm {@link JobKind#RELEASE_CLIENT}: the client's name, typed again
 */
public record JobParameters(String scope, Long clientId, Long toClientId, List<String> phoneNumbers, String voiceUrl,
		String smsUrl, String statusCallback, Integer count, String areaCode, String region, String contains,
		String confirm) {

	/** No parameters. */
	public static final JobParameters NONE = new JobParameters(null, null, null, null, null, null, null, null, null,
			null, null, null);

	/**
	 * Re-point the webhooks of the numbers that differ from the policy to the policy.
	 */
	public static JobParameters outOfPolicy() {
		return new JobParameters("OUT_OF_POLICY", null, null, null, null, null, null, null, null, null, null, null);
	}

	boolean usesPolicy() {
		return this.voiceUrl == null && this.smsUrl == null && this.statusCallback == null;
	}

}
