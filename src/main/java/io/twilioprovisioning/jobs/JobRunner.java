package io.twilioprovisioning.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.twilioprovisioning.alerts.AlertType;
import io.twilioprovisioning.alerts.Alerts;
import io.twilioprovisioning.jobs.JobRepository.ClaimedItem;
import io.twilioprovisioning.jobs.JobRepository.ItemResult;
import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.platform.BulkWork;
import io.twilioprovisioning.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works on one job on this instance: lists its items once, then does them. A kind that
 * calls Twilio once per item runs its items on a bounded pool as a rolling window (each
 * inside {@link BulkWork#run(Runnable)}, so the Twilio adapter sends them through its
 * adaptive limit), taking the next chunk before the pool runs dry and committing outcomes
 * as items finish; each item reads the job's state before it starts, so a pause or cancel
 * stops items from starting at once. A kind that does a whole chunk at once
 * ({@link JobWork#chunked()}, e.g. adopt) takes, does and records each chunk in one
 * transaction and reads the state between chunks. A job that ends failed or partly failed
 * raises the {@link AlertType#JOB_FAILED} alert; one that ends well (after a retry of its
 * failed items) resolves it.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobRepository repository;

	private final Map<JobKind, JobWork> kinds;

	private final JobsProperties properties;

	private final TransactionTemplate tx;

	private final Alerts alerts;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Finished items are committed at least this often while a job runs. */
	static final Duration RECORD_EVERY = Duration.ofMillis(250);

	JobRunner(JobRepository repository, List<JobWork> kinds, JobsProperties properties,
			PlatformTransactionManager transactionManager, Alerts alerts) {
		this.repository = repository;
		this.alerts = alerts;
		this.kinds = kinds.stream().collect(Collectors.toMap(JobWork::kind, Function.identity()));
		this.properties = properties;
		this.tx = new TransactionTemplate(transactionManager);
	}

	JobWork work(JobKind kind) {
		return this.kinds.get(kind);
	}

	/**
	 * Works on the job until its items all have an outcome, it is paused or cancelled, or
	 * this instance stops.
	 * @param stopping whether this instance is stopping (the job stays running, and the
	 * next instance that takes it goes on)
	 */
	void run(long jobId, BooleanSupplier stopping) {
		Job job = this.repository.find(jobId).orElse(null);
		if (job == null || !this.repository.transition(jobId, List.of(JobState.QUEUED, JobState.RUNNING),
				JobState.RUNNING, false)) {
			return;
		}
		JobWork work = this.kinds.get(job.kind());
		JobParameters parameters = this.json.readValue(this.repository.parameters(jobId), JobParameters.class);
		if (!job.planned()) {
			try {
				long planning = System.nanoTime();
				if (work.doesAsItLists()) {
					String stopped = listAndDo(job, work, parameters, stopping);
					if (stopped != null) {
						log.info("Job {} {}", jobId, stopped);
						return;
					}
				}
				else {
					work.plan(jobId, parameters, (items) -> this.repository.addItems(jobId, items));
				}
				this.repository.planned(jobId);
				log.info("Job {} ({}) listed its items in {} ms", jobId, job.kind(),
						(System.nanoTime() - planning) / 1_000_000);
			}
			catch (DomainException ex) {
				log.warn("Job {} ({}) could not list its items: {}", jobId, job.kind(), ex.getMessage());
				if (this.repository.fail(jobId, ex.getMessage())) {
					raise(job, "could not list its items: " + ex.getMessage());
				}
				return;
			}
		}
		if (work.chunked()) {
			runChunks(job, work, parameters, stopping);
		}
		else {
			runRolling(job, work, parameters, stopping);
		}
	}

	/**
	 * A kind that does its items as it lists them: the listing goes on on this thread
	 * while {@link JobWork#chunkWorkers()} threads do the pages listed so far, each page
	 * in one transaction that also records its items and their outcomes. At most one page
	 * per worker waits to be done, so a long listing holds a few pages in memory, not
	 * all. Before each page is handed over the job's state is read: a pause or cancel
	 * stops the listing there, the pages handed over are done, and a run that lists again
	 * (after a pause, a crash or a deploy) leaves out the items the job has.
	 * @return why it stopped before the listing ended, or {@code null} when it ended
	 */
	private String listAndDo(Job job, JobWork work, JobParameters parameters, BooleanSupplier stopping) {
		long jobId = job.id();
		boolean listedBefore = this.repository.hasItems(jobId);
		int workers = Math.max(1, work.chunkWorkers());
		Semaphore room = new Semaphore(2 * workers);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		ExecutorService pool = pool("job-" + jobId + "-pages-", workers);
		String stopped = null;
		try {
			work.listAndDo(jobId, parameters, (page) -> {
				String stop = (failure.get() != null) ? "stopped: a page could not be done"
						: whyNotGoOn(jobId, stopping);
				if (stop != null) {
					throw new ListingStopped(stop);
				}
				acquire(room);
				try {
					pool.execute(() -> {
						try {
							if (failure.get() == null) {
								this.tx.executeWithoutResult((status) -> {
									Set<String> recorded = listedBefore
											? this.repository.recordedKeys(jobId, page.keys()) : Set.of();
									this.repository.addDone(jobId, page.doItems(recorded, job.startedBy()));
								});
							}
						}
						catch (RuntimeException | Error ex) {
							failure.compareAndSet(null, ex);
						}
						finally {
							room.release();
						}
					});
				}
				catch (RuntimeException ex) {
					room.release();
					throw ex;
				}
			});
		}
		catch (ListingStopped ex) {
			stopped = ex.getMessage();
		}
		finally {
			pool.shutdown();
			awaitTermination(pool, jobId);
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A page of job " + jobId + " failed", failure.get());
		}
		return stopped;
	}

	/**
	 * Why the job may not go on now (paused, cancelled, this instance stopping), or
	 * {@code null} when it may.
	 */
	private String whyNotGoOn(long jobId, BooleanSupplier stopping) {
		JobState state = this.repository.state(jobId).orElse(JobState.CANCELLED);
		if (!state.goesOn()) {
			return "stopped: " + state;
		}
		if (stopping.getAsBoolean()) {
			return "left for the next instance: this one stops";
		}
		return null;
	}

	private static void acquire(Semaphore room) {
		try {
			room.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while a job listed its items", ex);
		}
	}

	/**
	 * Waits for the pages handed over to be done: each commits whole or not at all, so
	 * waiting is only needed for the run to report what happened.
	 */
	private static void awaitTermination(ExecutorService pool, long jobId) {
		try {
			while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
				log.info("Job {} waits for its pages in progress", jobId);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			pool.shutdownNow();
		}
	}

	/**
	 * Ends a listing early, thrown out of the kind's listing by the runner's page
	 * consumer.
	 */
	private static final class ListingStopped extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ListingStopped(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * A kind that does a whole chunk at once: {@link JobWork#chunkWorkers()} threads (one
	 * for most kinds) take chunks, each taken, done and recorded in one transaction.
	 */
	private void runChunks(Job job, JobWork work, JobParameters parameters, BooleanSupplier stopping) {
		long jobId = job.id();
		int workers = Math.max(1, work.chunkWorkers());
		AtomicLong taken = new AtomicLong();
		String stopped = null;
		ExecutorService pool = pool("job-" + jobId + "-chunks-", workers);
		try {
			List<Future<String>> running = new ArrayList<>();
			for (int i = 0; i < workers; i++) {
				running.add(pool.submit(() -> chunkAfterChunk(job, work, parameters, stopping, taken)));
			}
			for (Future<String> worker : running) {
				String outcome = worker.get();
				stopped = (stopped != null) ? stopped : outcome;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while job chunks ran", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A chunk of job " + jobId + " failed", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		if (stopped != null) {
			log.info("Job {} {}", jobId, stopped);
			return;
		}
		this.repository.finish(jobId).ifPresent(this::ended);
		log.info("Job {} ({}) finished", jobId, job.kind());
	}

	/**
	 * Takes, does and records chunks until none is left or the job may not go on; several
	 * of these may run at once ({@link JobWork#chunkWorkers()}): each chunk's items are
	 * locked by its transaction, so two never take the same. They share where the last
	 * chunk taken ended ({@code taken}) and look after it, so one does not step over the
	 * items another has locked (skipping 1,000 locked rows cost PostgreSQL more than
	 * locking the chunk); when nothing is left after it, they look once more from the
	 * first item, so an item left before it (given back by a run that stopped, locked by
	 * another instance meanwhile) is never skipped.
	 * @return why it stopped early, or {@code null} when no chunk was left
	 */
	private String chunkAfterChunk(Job job, JobWork work, JobParameters parameters, BooleanSupplier stopping,
			AtomicLong taken) {
		long jobId = job.id();
		while (true) {
			String stop = whyNotGoOn(jobId, stopping);
			if (stop != null) {
				return stop;
			}
			List<ItemResult> results = this.tx.execute((status) -> {
				int size = work.chunkSize(this.properties.chunkSize());
				long after = taken.get();
				List<ClaimedItem> chunk = this.repository.lockNext(jobId, size, after);
				if (chunk.isEmpty() && after > 0) {
					chunk = this.repository.lockNext(jobId, size, 0);
				}
				if (chunk.isEmpty()) {
					return null;
				}
				taken.accumulateAndGet(chunk.get(chunk.size() - 1).seq(), Math::max);
				List<ItemResult> done = work.processChunk(jobId, parameters, chunk, job.startedBy());
				this.repository.recordLocked(jobId, done);
				return done;
			});
			if (results == null) {
				return null;
			}
			ItemResult exhausted = results.stream().filter(ItemResult::exhausted).findFirst().orElse(null);
			if (exhausted != null) {
				this.repository.skipRemaining(jobId, exhausted.message());
			}
		}
	}

	/**
	 * A kind that does one item at a time, each through Twilio: items run on a bounded
	 * pool as a rolling window rather than chunk after chunk. The next chunk is taken as
	 * soon as no more than a pool's worth of items is left to run, so the pool never
	 * drains to wait for a chunk's slowest item (a chunk boundary cost ~8 % of a re-point
	 * job's time, docs/benchmarks.md section 8). Outcomes are committed as items finish
	 * (every pool's worth, or every {@link #RECORD_EVERY}); each item asks the job's
	 * state just before it starts, so once a pause or cancel commits, no further item
	 * starts, and items taken but not started are given back as pending.
	 */
	private void runRolling(Job job, JobWork work, JobParameters parameters, BooleanSupplier stopping) {
		long jobId = job.id();
		int threads = Math.min(this.properties.maxConcurrency(), work.maxConcurrency());
		int chunkSize = work.chunkSize(this.properties.chunkSize());
		ExecutorService pool = pool("job-" + jobId + "-", threads);
		CompletionService<Ran> completed = new ExecutorCompletionService<>(pool);
		AtomicBoolean halted = new AtomicBoolean();
		BooleanSupplier mayStart = () -> !halted.get() && !stopping.getAsBoolean()
				&& this.repository.state(jobId).map(JobState::goesOn).orElse(false);
		String stoppedBecause = null;
		boolean more = true;
		int inFlight = 0;
		List<ItemResult> finished = new ArrayList<>();
		List<Long> notStarted = new ArrayList<>();
		long recorded = System.nanoTime();
		long lastClaimed = 0;
		try {
			while (true) {
				if (!halted.get() && more && inFlight <= threads) {
					String stop = whyNotGoOn(jobId, stopping);
					if (stop != null) {
						halted.set(true);
						stoppedBecause = stop;
					}
					else {
						long after = lastClaimed;
						List<ClaimedItem> chunk = this.tx
							.execute((status) -> this.repository.claim(jobId, chunkSize, after));
						if (chunk == null || chunk.isEmpty()) {
							more = false;
						}
						else {
							lastClaimed = chunk.get(chunk.size() - 1).seq();
							for (ClaimedItem item : chunk) {
								completed.submit(() -> start(work, parameters, item, job.startedBy(), mayStart));
								inFlight++;
							}
						}
					}
				}
				if (inFlight == 0) {
					break;
				}
				Future<Ran> next = completed.poll(RECORD_EVERY.toMillis(), TimeUnit.MILLISECONDS);
				while (next != null) {
					inFlight--;
					Ran ran = next.get();
					if (ran.result() != null) {
						finished.add(ran.result());
					}
					else {
						notStarted.add(ran.item().seq());
					}
					next = completed.poll();
				}
				boolean due = System.nanoTime() - recorded >= RECORD_EVERY.toNanos();
				if (!finished.isEmpty() && (finished.size() >= threads || inFlight == 0 || halted.get() || due)) {
					List<ItemResult> batch = List.copyOf(finished);
					finished.clear();
					this.tx.executeWithoutResult((status) -> this.repository.record(jobId, batch));
					recorded = System.nanoTime();
					ItemResult exhausted = batch.stream().filter(ItemResult::exhausted).findFirst().orElse(null);
					if (exhausted != null) {
						halted.set(true);
						this.repository.skipRemaining(jobId, exhausted.message());
					}
				}
				if (!notStarted.isEmpty()) {
					this.repository.release(jobId, List.copyOf(notStarted));
					notStarted.clear();
				}
			}
			if (stoppedBecause != null) {
				log.info("Job {} {}", jobId, stoppedBecause);
				return;
			}
			// every item has an outcome (or was skipped when Twilio had no more)
			this.repository.finish(jobId).ifPresent(this::ended);
			log.info("Job {} ({}) finished", jobId, job.kind());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while job items ran", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A job item ended without an outcome", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void ended(Job job) {
		if (job.state() == JobState.SUCCEEDED) {
			alert(() -> this.alerts.resolve(AlertType.JOB_FAILED, String.valueOf(job.id()),
					"Job " + job.id() + " (" + describe(job) + ") succeeded"));
		}
		else if (job.state() == JobState.FAILED || job.state() == JobState.PARTLY_FAILED) {
			raise(job, job.failed() + " of " + job.total() + " items failed");
		}
	}

	private void raise(Job job, String reason) {
		String how = (job.state() == JobState.PARTLY_FAILED) ? "partly failed" : "failed";
		alert(() -> this.alerts.raise(AlertType.JOB_FAILED, String.valueOf(job.id()),
				"Job " + job.id() + " (" + describe(job) + ") " + how + ": " + reason));
	}

	/**
	 * The job has ended already: an alert that cannot be written is logged, not retried
	 * as a failed execution.
	 */
	private static void alert(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			log.error("Could not raise or resolve a job's alert", ex);
		}
	}

	private static String describe(Job job) {
		return job.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/**
	 * A pool of daemon threads named {@code prefix} and a number, so a thread dump shows
	 * whose work each thread does.
	 */
	private static ExecutorService pool(String prefix, int threads) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Does one item unless the job may no longer start items.
	 */
	private Ran start(JobWork work, JobParameters parameters, ClaimedItem item, String actor,
			BooleanSupplier mayStart) {
		try {
			if (!mayStart.getAsBoolean()) {
				return new Ran(item, null);
			}
			return new Ran(item, BulkWork.call(() -> processOne(work, parameters, item, actor)));
		}
		catch (Exception ex) {
			return new Ran(item, failed(item, ex));
		}
	}

	private ItemResult processOne(JobWork work, JobParameters parameters, ClaimedItem item, String actor) {
		try {
			return work.process(item.jobId(), parameters, item, actor);
		}
		catch (RuntimeException ex) {
			return failed(item, ex);
		}
	}

	private static ItemResult failed(ClaimedItem item, Throwable ex) {
		if (ex instanceof CarrierException carrier) {
			return new ItemResult(item.seq(), ItemOutcome.FAILED, carrier.carrierCode(), carrier.getMessage(), false);
		}
		if (ex instanceof DomainException domain) {
			return new ItemResult(item.seq(), ItemOutcome.FAILED, null, domain.getMessage(), false);
		}
		log.warn("Item {} of job {} failed unexpectedly", item.key(), item.jobId(), ex);
		return new ItemResult(item.seq(), ItemOutcome.FAILED, null,
				"unexpected error: " + ex.getClass().getSimpleName(), false);
	}

	/**
	 * An item taken from the pool: its result, or {@code null} when it was not started.
	 */
	private record Ran(ClaimedItem item, ItemResult result) {

	}

}
