package io.twilioprovisioning.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.PhoneNumberText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Route 2: buy a number for a client.
 *
 * @param phoneNumber the number, in any common format; or
 * @param areaCode any number in this area code
 * @param clientId the client that gets it
 * @param friendlyName the friendly name in Twilio, default the client's name
 * @param idempotencyKey repeats of the same key return the first result (also accepted as
 * the {@code Idempotency-Key} header)
 */
@Schema(example = "{\"phoneNumber\":\"+1 415 555 0142\",\"clientId\":1,\"idempotencyKey\":\"buy-acme-0142\"}")
record PurchaseRequest(@Size(max = 32) @PhoneNumberText String phoneNumber,
		@Pattern(regexp = Validation.AREA_CODE, message = Validation.AREA_CODE_MESSAGE) String areaCode,
		@NotNull @Positive Long clientId,
		@Size(max = 64) @Pattern(regexp = Validation.PLAIN_TEXT,
				message = Validation.PLAIN_TEXT_MESSAGE) String friendlyName,
		@Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]+$",
				message = "may hold letters, digits and . _ : -") String idempotencyKey) {

	/**
	 * What is wrong with the choice between {@code phoneNumber} and {@code areaCode}, or
	 * {@code null} when exactly one is given; the message of the error is this text.
	 */
	@Null(message = "${validatedValue}")
	@Schema(hidden = true)
	public String getPhoneNumberOrAreaCode() {
		boolean byNumber = this.phoneNumber != null && !this.phoneNumber.isBlank();
		boolean byAreaCode = this.areaCode != null;
		if (byNumber && byAreaCode) {
			return "give phoneNumber or areaCode, not both";
		}
		if (!byNumber && !byAreaCode) {
			return "give phoneNumber (the number to buy) or areaCode (buy any number in it); neither was given";
		}
		return null;
	}

}
