package io.twilioprovisioning.sandbox;

import java.time.Instant;

/**
 * An emulated Twilio account: the main (parent) account the emulator was created with, or
 * one of its subaccounts. Its {@link #toString()} hides the auth token.
 *
 * @param sid {@code AC} + 32 hex
 * @param ownerSid the parent's SID; the main account's own SID for the main account
 * @param friendlyName its name
 * @param status {@code active}, {@code suspended} or {@code closed}
 * @param authToken the token its own credentials carry
 * @param dateCreated when it was created
 * @param dateUpdated when it last changed
 */
record AccountRecord(String sid, String ownerSid, String friendlyName, String status, String authToken,
		Instant dateCreated, Instant dateUpdated) {

	static final String ACTIVE = "active";

	static final String SUSPENDED = "suspended";

	static final String CLOSED = "closed";

	boolean isMain() {
		return this.sid.equals(this.ownerSid);
	}

	boolean isActive() {
		return ACTIVE.equals(this.status);
	}

	AccountRecord with(String friendlyName, String status, Instant now) {
		return new AccountRecord(this.sid, this.ownerSid, friendlyName, status, this.authToken, this.dateCreated, now);
	}

	@Override
	public String toString() {
		return "AccountRecord[sid=" + this.sid + ", ownerSid=" + this.ownerSid + ", friendlyName=" + this.friendlyName
				+ ", status=" + this.status + ", authToken=******]";
	}

}
