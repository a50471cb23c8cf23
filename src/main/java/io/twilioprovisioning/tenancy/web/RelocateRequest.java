package io.twilioprovisioning.tenancy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PhoneNumberText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A number to move into the account its client's numbers belong in (the migration of a
 * shared inventory, one number at a time).
 *
 * @param phoneNumber the number, in any common format
 * @param sid or its Twilio SID
 */
record RelocateRequest(@Size(max = 32) @PhoneNumberText String phoneNumber, @Pattern(regexp = "PN[0-9a-fA-F]{32}",
		message = "must be a phone number SID: PN and 32 hex digits") String sid) {

	@AssertTrue(message = "name the number by phoneNumber or by sid, not both")
	@Schema(hidden = true)
	public boolean isOneNumber() {
		return (this.phoneNumber != null && !this.phoneNumber.isBlank()) ^ (this.sid != null && !this.sid.isBlank());
	}

	NumberRef toRef() {
		return (this.sid != null && !this.sid.isBlank()) ? NumberRef.ofSid(this.sid)
				: NumberRef.of(E164Number.parse(this.phoneNumber));
	}

}
