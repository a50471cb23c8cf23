package io.twilioprovisioning.numbers;

/**
 * The carrier account the service acts for.
 *
 * @param sid the account SID (secret-free, but shown masked)
 * @param friendlyName the account's name
 * @param status {@code active}, {@code suspended} or {@code closed}
 * @param type {@code Trial} or {@code Full}
 */
public record AccountInfo(String sid, String friendlyName, String status, String type) {

	/**
	 * The SID with all but its prefix and last 4 characters hidden, e.g.
	 * {@code AC********1a2b}.
	 */
	public String maskedSid() {
		if (this.sid == null || this.sid.length() < 8) {
			return "****";
		}
		return this.sid.substring(0, 2) + "********" + this.sid.substring(this.sid.length() - 4);
	}

}
