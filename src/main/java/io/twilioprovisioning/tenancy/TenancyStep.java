package io.twilioprovisioning.tenancy;

import java.time.Instant;

import io.twilioprovisioning.numbers.NumberEvent;

/**
 * A Twilio-side tenancy step for the audit trail: a subaccount or Messaging Service
 * created, a number joined to or taken out of a service, an address attached.
 *
 * @param actor who
 * @param occurredAt when
 * @param action {@code SUBACCOUNT}, {@code SERVICE}, {@code SERVICE_JOIN},
 * {@code SERVICE_LEAVE}, {@code ADDRESS}, {@code BUNDLE}
 * @param outcome {@code SUCCEEDED}, {@code REFUSED}, {@code FAILED} or {@code UNKNOWN}
 * @param clientId the client
 * @param numberId the number's row, when a number is concerned
 * @param phoneNumber the number
 * @param sid the number's SID
 * @param twilioCode Twilio's code of a failure
 * @param detail what happened
 */
record TenancyStep(String actor, Instant occurredAt, String action, String outcome, Long clientId, Long numberId,
		String phoneNumber, String sid, Integer twilioCode, String detail) implements NumberEvent {

}
