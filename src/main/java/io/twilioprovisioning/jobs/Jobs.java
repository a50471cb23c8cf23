package io.twilioprovisioning.jobs;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts bulk jobs and steers them: pause, resume, cancel, retry the failed items; and
 * answers their progress and per-item outcomes. Starting only stores the job and asks the
 * engine to run it, so the caller gets an answer at once, whatever the job's size.
 */
@Service
public class Jobs {

	private final JobRepository repository;

	private final JobRunner runner;

	private final JobEngine engine;

	private final TransactionTemplate tx;

	private final JsonMapper json = JsonMapper.builder().build();

	Jobs(JobRepository repository, JobRunner runner, JobEngine engine, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.runner = runner;
		this.engine = engine;
		this.tx = new TransactionTemplate(transactionManager);
	}

	/**
	 * Stores a job and schedules it.
	 * @param kind what it does
	 * @param parameters what it works on
	 * @param actor who starts it
	 * @return the job, queued
	 * @throws InvalidJobException when the parameters do not fit the kind
	 */
	public Job start(JobKind kind, JobParameters parameters, String actor) {
		JobParameters given = (parameters != null) ? parameters : JobParameters.NONE;
		this.runner.work(kind).validate(given);
		long id = this.repository.insert(kind, this.json.writeValueAsString(given), actor);
		this.engine.schedule(id, Instant.now());
		return get(id);
	}

	/**
	 * A job and its progress.
	 * @throws JobNotFoundException when there is no such job
	 */
	public Job get(long id) {
		return this.repository.find(id).orElseThrow(() -> new JobNotFoundException(id));
	}

	/**
	 * Jobs, newest first.
	 */
	public PageResult<Job> list(PageRequest page) {
		return new PageResult<>(this.repository.page((int) page.offset(), page.size()), page.page(), page.size(),
				this.repository.count());
	}

	/**
	 * The jobs that are queued, running or paused.
	 */
	public List<Job> active() {
		return this.repository.active();
	}

	/**
	 * One page of a job's item outcomes, in the order of the job.
	 * @param outcome only items with this outcome, or {@code null}
	 */
	public PageResult<JobItem> items(long id, ItemOutcome outcome, PageRequest page) {
		get(id);
		return new PageResult<>(this.repository.items(id, outcome, (int) page.offset(), page.size()), page.page(),
				page.size(), this.repository.countItems(id, outcome));
	}

	/**
	 * Every item outcome of a job, streamed from a database cursor (for the CSV).
	 */
	public void forEachItem(long id, Consumer<JobItem> consumer) {
		get(id);
		this.tx.executeWithoutResult((status) -> this.repository.forEachItem(id, consumer));
	}

	/**
	 * Stops the job: items in progress finish, no other starts; it resumes where it
	 * stopped.
	 * @throws JobStateConflictException when it is not queued or running
	 */
	public Job pause(long id) {
		return change(id, List.of(JobState.QUEUED, JobState.RUNNING), JobState.PAUSED, false, "be paused");
	}

	/**
	 * Queues a paused job again.
	 * @throws JobStateConflictException when it is not paused
	 */
	public Job resume(long id) {
		Job job = change(id, List.of(JobState.PAUSED), JobState.QUEUED, false, "be resumed");
		this.engine.schedule(id, Instant.now());
		return job;
	}

	/**
	 * Stops the job for good: items in progress finish, no other starts.
	 * @throws JobStateConflictException when it has ended
	 */
	public Job cancel(long id) {
		return change(id, List.of(JobState.QUEUED, JobState.RUNNING, JobState.PAUSED), JobState.CANCELLED, true,
				"be cancelled");
	}

	/**
	 * Makes the failed items of an ended job pending again and queues the job.
	 * @throws JobStateConflictException when the job has not ended with failed items
	 */
	public Job retryFailed(long id) {
		Job job = get(id);
		if ((job.state() != JobState.FAILED && job.state() != JobState.PARTLY_FAILED) || job.failed() == 0) {
			throw new JobStateConflictException(job, "retry failed items: it has none to retry");
		}
		this.tx.executeWithoutResult((status) -> this.repository.retryFailed(id));
		this.engine.schedule(id, Instant.now());
		return get(id);
	}

	private Job change(long id, List<JobState> from, JobState to, boolean finished, String action) {
		Job job = get(id);
		if (!this.repository.transition(id, from, to, finished)) {
			throw new JobStateConflictException(get(id), action);
		}
		return get(job.id());
	}

}
