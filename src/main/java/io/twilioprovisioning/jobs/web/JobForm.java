package io.twilioprovisioning.jobs.web;

import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.JobParameters;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The console's form that starts a job.
 */
record JobForm(@NotNull JobKind kind, @Size(max = 16) String scope, @Min(1) Long clientId, @Min(1) Long toClientId,
		@Size(max = 2048) String voiceUrl, @Size(max = 2048) String smsUrl, @Size(max = 2048) String statusCallback,
		@Min(1) Integer count, @Size(max = 3) String areaCode, @Size(max = 2) String region,
		@Size(max = 16) String contains, @Size(max = 200) String confirm) {

	JobParameters toParameters() {
		return new JobParameters(blank(this.scope), this.clientId, this.toClientId, null, blank(this.voiceUrl),
				blank(this.smsUrl), blank(this.statusCallback), this.count, blank(this.areaCode), blank(this.region),
				blank(this.contains), this.confirm);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
