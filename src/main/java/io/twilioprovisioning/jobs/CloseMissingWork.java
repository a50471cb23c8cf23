package io.twilioprovisioning.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;

import org.springframework.stereotype.Component;

/**
 * Records as released the active numbers Twilio no longer lists, each after asking Twilio
 * again. The plan keeps sync's safety limit: when more look missing than may be closed at
 * once, the job fails and closes nothing.
 */
@Component
class CloseMissingWork implements JobWork {

	private final NumberSync sync;

	private final NumberLifecycle lifecycle;

	CloseMissingWork(NumberSync sync, NumberLifecycle lifecycle) {
		this.sync = sync;
		this.lifecycle = lifecycle;
	}

	@Override
	public JobKind kind() {
		return JobKind.CLOSE_MISSING;
	}

	@Override
	public void validate(JobParameters parameters) {
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		List<PlannedItem> page = new ArrayList<>();
		for (long id : this.sync.missingCandidates()) {
			page.add(NumberItems.of(this.lifecycle.get(id)));
		}
		items.accept(page);
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		long id = NumberItems.id(item.payload());
		return switch (this.sync.closeIfGone(id, actor)) {
			case CLOSED -> ItemResult.done(item.seq(), null);
			case STILL_LISTED -> ItemResult.skipped(item.seq(), "Twilio lists it again");
			case NOT_ACTIVE -> {
				TrackedNumber number = this.lifecycle.get(id);
				yield (item.attempts() > 1 && number.state() == PhoneNumberState.RELEASED)
						? ItemResult.done(item.seq(), "closed before a restart")
						: ItemResult.skipped(item.seq(), "not active any more");
			}
		};
	}

}
