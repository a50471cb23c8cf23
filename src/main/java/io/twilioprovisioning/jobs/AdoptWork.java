package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.OwnedNumber;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Adopts the numbers Twilio lists that are not tracked: the plan keeps what Twilio said
 * of each, and each item tracks one, unless a live row tracks it by now.
 */
@Component
class AdoptWork implements JobWork {

	private final NumberSync sync;

	private final JsonMapper json = JsonMapper.builder().build();

	AdoptWork(NumberSync sync) {
		this.sync = sync;
	}

	@Override
	public JobKind kind() {
		return JobKind.ADOPT_UNTRACKED;
	}

	@Override
	public void validate(JobParameters parameters) {
	}

	@Override
	public void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		this.sync.forEachUntracked((page) -> items.accept(page.stream()
			.map((number) -> new PlannedItem(number.phoneNumber().value(), this.json.writeValueAsString(number)))
			.toList()));
	}

	@Override
	public ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor) {
		OwnedNumber number = this.json.readValue(item.payload(), OwnedNumber.class);
		if (this.sync.adopt(number, actor)) {
			return ItemResult.done(item.seq(), null);
		}
		return (item.attempts() > 1) ? ItemResult.done(item.seq(), "adopted before a restart")
				: ItemResult.skipped(item.seq(), "tracked already");
	}

}
