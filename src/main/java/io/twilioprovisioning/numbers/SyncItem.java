package io.twilioprovisioning.numbers;

/**
 * One number a sync check found out of line.
 *
 * @param phoneNumber E.164
 * @param sid Twilio's SID
 * @param friendlyName the friendly name (Twilio's for an untracked number, ours
 * otherwise)
 * @param numberId the inventory row, or {@code null} for an untracked number
 * @param twilioFriendlyName Twilio's friendly name when it differs from ours, otherwise
 * {@code null}
 */
public record SyncItem(String phoneNumber, String sid, String friendlyName, Long numberId, String twilioFriendlyName) {

	public SyncItem(String phoneNumber, String sid, String friendlyName, Long numberId) {
		this(phoneNumber, sid, friendlyName, numberId, null);
	}

}
