package io.twilioprovisioning.jobs.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.JobParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A job to start: its kind and what it works on.
 *
 * @param kind what it does
 * @param parameters what it works on; which fields a kind needs is in the description
 */
@Schema(example = "{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":{\"scope\":\"CLIENT\",\"clientId\":1}}")
record JobRequest(@NotNull JobKind kind, @Valid Parameters parameters) {

	JobParameters toParameters() {
		Parameters p = (this.parameters != null) ? this.parameters
				: new Parameters(null, null, null, null, null, null, null, null, null, null, null, null);
		return new JobParameters(p.scope(), p.clientId(), p.toClientId(), p.phoneNumbers(), p.voiceUrl(), p.smsUrl(),
				p.statusCallback(), p.count(), p.areaCode(), p.region(), p.contains(), p.confirm());
	}

	/**
	 * The parameters of a job. {@code REPOINT_WEBHOOKS}: {@code scope} ({@code ALL},
	 * {@code CLIENT} with {@code clientId}, {@code NUMBERS} with {@code phoneNumbers},
	 * {@code OUT_OF_POLICY}) and optional {@code voiceUrl}, {@code smsUrl},
	 * {@code statusCallback} (none: the policy's). {@code BUY_NUMBERS}: {@code clientId},
	 * {@code count} and optional {@code areaCode}, {@code region}, {@code contains}.
	 * {@code RELEASE_CLIENT}: {@code clientId} and {@code confirm} (the client's name).
	 * {@code MOVE_CLIENT}: {@code clientId} and {@code toClientId}.
	 * {@code ADOPT_UNTRACKED} and {@code CLOSE_MISSING}: none.
	 */
	record Parameters(
			@Pattern(regexp = "ALL|CLIENT|NUMBERS|OUT_OF_POLICY",
					message = "must be ALL, CLIENT, NUMBERS or OUT_OF_POLICY") String scope,
			@Min(1) Long clientId, @Min(1) Long toClientId,
			@Size(max = 10000) List<@NotNull @Size(max = 32) String> phoneNumbers, @Size(max = 2048) String voiceUrl,
			@Size(max = 2048) String smsUrl, @Size(max = 2048) String statusCallback, @Min(1) Integer count,
			@Pattern(regexp = "\\d{3}", message = "must be 3 digits") String areaCode,
			@Pattern(regexp = "[A-Za-z]{2}", message = "must be a 2-letter state or province code") String region,
			@Pattern(regexp = "[0-9A-Za-z*]{2,16}", message = "must be 2-16 digits, letters or *") String contains,
			@Size(max = 200) String confirm) {
	}

}
