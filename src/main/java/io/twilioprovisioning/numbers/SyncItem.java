package io.twilioprovisioning.numbers;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

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
@NullMarked
public record SyncItem(String phoneNumber, String sid, @Nullable String friendlyName, @Nullable Long numberId,
		@Nullable String twilioFriendlyName) {

	public SyncItem(String phoneNumber, String sid, @Nullable String friendlyName, @Nullable Long numberId) {
		this(phoneNumber, sid, friendlyName, numberId, null);
	}

}
