package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.jobs.JobRepository.PlannedItem;

/**
 * What one kind of job does: which parameters it needs, which items it has, and what it
 * does to one item, always through the {@code numbers} lifecycle. Doing an item again
 * must be harmless: an item taken before by a run that stopped ({@code attempts > 1}) is
 * checked before it is done again.
 */
interface JobWork {

	JobKind kind();

	/**
	 * Checks the parameters before the job is stored.
	 * @throws InvalidJobException when they do not fit the kind
	 */
	void validate(JobParameters parameters);

	/**
	 * Lists the job's items, page by page; may be called again after a crash (items are
	 * added once by their key).
	 */
	void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items);

	/**
	 * Does one item. A {@link io.twilioprovisioning.platform.DomainException} is recorded
	 * as the item's failure.
	 */
	ItemResult process(long jobId, JobParameters parameters, ClaimedItem item, String actor);

	/**
	 * Whether this kind does a whole chunk at once ({@link #processChunk}) instead of one
	 * item at a time: for work without Twilio calls, where one statement for the chunk
	 * beats one transaction per item.
	 */
	default boolean chunked() {
		return false;
	}

	/**
	 * Does a whole chunk in the caller's transaction, which also records the chunk's
	 * outcomes: the chunk's changes and its outcomes commit together or not at all. Only
	 * called when {@link #chunked()}.
	 * @return one result per item
	 */
	default List<ItemResult> processChunk(long jobId, JobParameters parameters, List<ClaimedItem> chunk, String actor) {
		throw new UnsupportedOperationException(kind() + " does its items one at a time");
	}

	/**
	 * For a {@link #chunked()} kind, how many chunks may be done at once, each in its own
	 * transaction: while one waits on the database, another's Java work goes on.
	 */
	default int chunkWorkers() {
		return 1;
	}

	/**
	 * How many items are taken and committed together for this kind, given the configured
	 * chunk size.
	 */
	default int chunkSize(int configured) {
		return configured;
	}

	/**
	 * How many items of this kind may run at once, at most.
	 */
	default int maxConcurrency() {
		return Integer.MAX_VALUE;
	}

}
