package io.twilioprovisioning.jobs;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.DoneItem;
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
	 * added once by their key). Not called for a kind that {@link #doesAsItLists()}.
	 */
	default void plan(long jobId, JobParameters parameters, Consumer<List<PlannedItem>> items) {
		throw new UnsupportedOperationException(kind() + " does its items as it lists them");
	}

	/**
	 * Whether this kind does each page of items as it lists it ({@link #listAndDo}),
	 * recording the items with their outcomes in the transaction that does them, instead
	 * of storing every item first and then doing them: one write of each item instead of
	 * three (stored, taken, recorded), and the listing goes on while the pages listed so
	 * far are done. For work that cannot fail an item alone (adopt): a page commits whole
	 * or not at all, and a run that lists again after a stop leaves out the items the job
	 * has already.
	 */
	default boolean doesAsItLists() {
		return false;
	}

	/**
	 * Lists the job's items, page by page, and hands each page over to be done. Called
	 * again after a stop (a pause, a crash, a deploy) until the listing ends.
	 */
	default void listAndDo(long jobId, JobParameters parameters, Consumer<ListedPage> pages) {
		throw new UnsupportedOperationException(kind() + " lists its items before doing them");
	}

	/**
	 * A page of items, as listed by {@link #listAndDo}.
	 */
	interface ListedPage {

		/**
		 * The page's items' keys, in the order it lists them.
		 */
		List<String> keys();

		/**
		 * Does the page's items but those whose keys are given (the job has them from a
		 * run that stopped), in the caller's transaction, which records their outcomes.
		 * @return one outcome per item done, done or skipped
		 */
		List<DoneItem> doItems(Set<String> recorded, String actor);

	}

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
