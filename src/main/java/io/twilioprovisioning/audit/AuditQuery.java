package io.twilioprovisioning.audit;

/**
 * Filters of the audit trail; {@code null} means any.
 *
 * @param phoneNumber entries of this number (E.164)
 * @param clientId entries where this client gained or lost a number
 * @param action entries of this step
 * @param outcome entries with this outcome
 */
public record AuditQuery(String phoneNumber, Long clientId, String action, String outcome) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null);
	}

}
