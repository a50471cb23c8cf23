package io.twilioprovisioning.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.PhoneNumberText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Route 4: release a number; {@code confirm} must repeat it.
 *
 * @param phoneNumber the number; or
 * @param sid its SID
 * @param confirm the number again, in any common format
 */
@Schema(example = "{\"phoneNumber\":\"+14155550142\",\"confirm\":\"+14155550142\"}")
record ReleaseRequest(@Size(max = 32) @PhoneNumberText String phoneNumber,
		@Pattern(regexp = Validation.SID, message = Validation.SID_MESSAGE) String sid,
		@NotBlank @Size(max = 32) String confirm) implements NumberTarget {

	@AssertTrue(message = "name the number by phoneNumber or by sid, not both")
	@Schema(hidden = true)
	public boolean isOneNumber() {
		return namesOneNumber();
	}

}
