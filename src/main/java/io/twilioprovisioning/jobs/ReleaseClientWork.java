package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;

import org.springframework.stereotype.Component;

/**
 * Releases every active number of a client (churn), after the client's name was typed
 * again. Each release is the lifecycle's: idempotent, audited; with an undo window (ADR
 * 0031) each number is scheduled for release instead, and the job ends when all are
 * scheduled.
 */
@Component
class ReleaseClientWork implements JobWork {

	private final NumberLifecycle lifecycle;

	private final ClientManagement clients;

	ReleaseClientWork(NumberLifecycle lifecycle, ClientManagement clients) {
		this.lifecycle = lifecycle;
		this.clients = clients;
	}

	@Override
	public JobKind kind() {
		return JobKind.RELEASE_CLIENT;
	}

	@Override
	public void validate(JobParameters parameters) {
		if (parameters.clientId() == null) {
			throw new InvalidJobException("clientId", "names the client whose numbers are released");
		}
		Client client = this.clients.get(parameters.clientId());
		if (parameters.confirm() == null || !parameters.confirm().strip().equals(client.name())) {
			throw new InvalidJobException("confirm", "must repeat the client's name exactly");
		}
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		NumberItems.active(this.lifecycle, NumberQuery.ofClient(parameters.clientId()), items);
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		TrackedNumber number = this.lifecycle.get(NumberItems.id(item.payload()));
		if (number.state() == PhoneNumberState.RELEASED) {
			return (item.attempts() > 1) ? ItemResult.done(item.seq(), "released before a restart")
					: ItemResult.skipped(item.seq(), "released already");
		}
		if (!parameters.clientId().equals(number.clientId())) {
			return ItemResult.skipped(item.seq(), "moved to another client meanwhile");
		}
		TrackedNumber after = this.lifecycle.requestRelease(NumberRef.ofSid(number.sid()), number.e164(), actor);
		return ItemResult.done(item.seq(),
				(after.releaseScheduledAt() != null) ? "releasing at " + after.releaseScheduledAt() : null);
	}

}
