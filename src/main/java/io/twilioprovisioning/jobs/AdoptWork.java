package io.twilioprovisioning.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * of each, and each item tracks one, unless a live row tracks it by now. A chunk is
 * adopted in one statement (docs/benchmarks.md: 100,000 numbers in seconds, where one
 * transaction per number took minutes).
 */
@Component
class AdoptWork implements JobWork {

	/** Items adopted in one statement and one transaction (one Twilio page). */
	static final int CHUNK = 1000;

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

	@Override
	public boolean chunked() {
		return true;
	}

	/**
	 * Adopts the chunk's numbers in one statement, in the transaction that records the
	 * outcomes: a crash before the commit leaves neither, so a rerun adopts each number
	 * once and a number found tracked is one somebody else tracks.
	 */
	@Override
	public List<ItemResult> processChunk(long jobId, JobParameters parameters, List<ClaimedItem> chunk, String actor) {
		List<OwnedNumber> numbers = chunk.stream()
			.map((item) -> this.json.readValue(item.payload(), OwnedNumber.class))
			.toList();
		Set<String> adopted = this.sync.adoptAll(numbers, actor);
		List<ItemResult> results = new ArrayList<>(chunk.size());
		for (int i = 0; i < chunk.size(); i++) {
			results.add(adopted.contains(numbers.get(i).sid()) ? ItemResult.done(chunk.get(i).seq(), null)
					: ItemResult.skipped(chunk.get(i).seq(), "tracked already"));
		}
		return results;
	}

	/**
	 * Two chunks at once: a chunk is half database (the inserts into the indexed
	 * inventory, the audit and usage rows, the outcomes) and half Java (reading the
	 * listed numbers, working out their prices' country and type), so two keep both
	 * halves busy.
	 */
	@Override
	public int chunkWorkers() {
		return 2;
	}

	@Override
	public int chunkSize(int configured) {
		return Math.max(configured, CHUNK);
	}

}
