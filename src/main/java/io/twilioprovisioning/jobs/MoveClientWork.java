package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.function.Consumer;

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
 * Moves every active number of one client to another (a merge), each through the
 * lifecycle's locked reassignment.
 */
@Component
class MoveClientWork implements JobWork {

	private final NumberLifecycle lifecycle;

	private final ClientManagement clients;

	MoveClientWork(NumberLifecycle lifecycle, ClientManagement clients) {
		this.lifecycle = lifecycle;
		this.clients = clients;
	}

	@Override
	public JobKind kind() {
		return JobKind.MOVE_CLIENT;
	}

	@Override
	public void validate(JobParameters parameters) {
		if (parameters.clientId() == null) {
			throw new InvalidJobException("clientId", "names the client whose numbers move");
		}
		if (parameters.toClientId() == null) {
			throw new InvalidJobException("toClientId", "names the client that gets the numbers");
		}
		if (parameters.clientId().equals(parameters.toClientId())) {
			throw new InvalidJobException("toClientId", "must be another client");
		}
		this.clients.get(parameters.clientId());
		this.clients.getActive(parameters.toClientId());
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		NumberItems.active(this.lifecycle, NumberQuery.ofClient(parameters.clientId()), items);
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		TrackedNumber number = this.lifecycle.get(NumberItems.id(item.payload()));
		if (parameters.toClientId().equals(number.clientId())) {
			return (item.attempts() > 1) ? ItemResult.done(item.seq(), "moved before a restart")
					: ItemResult.skipped(item.seq(), "belongs to that client already");
		}
		if (number.state() != PhoneNumberState.ACTIVE || !parameters.clientId().equals(number.clientId())) {
			return ItemResult.skipped(item.seq(), "not this client's active number any more");
		}
		List<String> warnings = this.lifecycle
			.reassign(NumberRef.ofSid(number.sid()), parameters.toClientId(), parameters.clientId(), actor)
			.warnings();
		return ItemResult.done(item.seq(), warnings.isEmpty() ? null : String.join(" ", warnings));
	}

}
