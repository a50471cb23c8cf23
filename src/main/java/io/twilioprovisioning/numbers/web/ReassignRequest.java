package io.twilioprovisioning.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.PhoneNumberText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Route 6: move a number to another client.
 *
 * @param phoneNumber the number; or
 * @param sid its SID
 * @param toClientId the client that gets it
 * @param fromClientId when given, the client it must belong to now
 */
@Schema(example = "{\"phoneNumber\":\"+14155550142\",\"fromClientId\":1,\"toClientId\":2}")
record ReassignRequest(@Size(max = 32) @PhoneNumberText String phoneNumber,
		@Pattern(regexp = Validation.SID, message = Validation.SID_MESSAGE) String sid,
		@NotNull @Positive Long toClientId, @Positive Long fromClientId) implements NumberTarget {

	@AssertTrue(message = "name the number by phoneNumber or by sid, not both")
	@Schema(hidden = true)
	public boolean isOneNumber() {
		return namesOneNumber();
	}

}
