package io.twilioprovisioning.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.ReleaseProperties;
import io.twilioprovisioning.platform.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The job engine: db-scheduler (docs/adr/0018) on the shared database. A job is one
 * execution of the task {@code bulk-job} whose instance id is the job's id; db-scheduler
 * lets one instance of the cluster pick it, keeps its heartbeat, and when that instance
 * dies (its heartbeats stop) another one revives the execution, and the runner goes on
 * with the items that have no committed outcome. A recurring sweep schedules every job
 * that should run and has no execution (a resume that raced with the end of a run, a job
 * whose instance was stopped between two chunks). Another recurring task releases the
 * numbers whose undo window ended (ADR 0031), on one instance at a time.
 */
@Component
class JobEngine implements SmartLifecycle {

	static final String TASK = "bulk-job";

	/** The recurring task that releases numbers whose undo window ended (ADR 0031). */
	static final String RELEASE_SWEEP = "scheduled-release-sweep";

	/** Who the audit trail names for a release done when its undo window ended. */
	static final String RELEASE_ACTOR = "system (undo window ended)";

	private static final Logger log = LoggerFactory.getLogger(JobEngine.class);

	private final OneTimeTask<Void> task;

	private final RecurringTask<Void> sweep;

	private final RecurringTask<Void> releaseSweep;

	private final DataSource dataSource;

	private final SchedulerClient client;

	private final JobsProperties properties;

	private volatile Scheduler scheduler;

	private volatile boolean running;

	JobEngine(DataSource dataSource, JobRunner runner, JobRepository repository, JobsProperties properties,
			NumberLifecycle lifecycle, ReleaseProperties release) {
		this.properties = properties;
		this.releaseSweep = Tasks.recurring(RELEASE_SWEEP, FixedDelay.of(release.sweepInterval()))
			.execute((instance, context) -> lifecycle.releaseDue(RELEASE_ACTOR));
		this.task = Tasks.oneTime(TASK)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)))
			.onDeadExecutionRevive()
			.execute((instance, context) -> runner.run(Long.parseLong(instance.getId()), this::stopping));
		this.sweep = Tasks.recurring("bulk-job-sweep", FixedDelay.of(properties.pollInterval()))
			.execute((instance, context) -> {
				for (long id : repository.toRun()) {
					schedule(id, Instant.now());
				}
			});
		this.dataSource = dataSource;
		this.client = SchedulerClient.Builder.create(dataSource, this.task).build();
	}

	/**
	 * Schedules the job unless it has an execution already: through this instance's
	 * scheduler when it runs (which then takes the job at once), else for any instance.
	 */
	void schedule(long jobId, Instant at) {
		Scheduler current = this.scheduler;
		SchedulerClient target = (this.running && current != null) ? current : this.client;
		target.scheduleIfNotExists(this.task.instance(Long.toString(jobId)), at);
	}

	/**
	 * A new scheduler each time this instance starts: db-scheduler's cannot start again
	 * once stopped (a test context that is stopped and started again).
	 */
	private Scheduler newScheduler() {
		return Scheduler.create(this.dataSource, List.of(this.task))
			.startTasks(this.sweep, this.releaseSweep)
			.schedulerName(new SchedulerName.Fixed(ClusterJobs.newInstanceId()))
			.threads(this.properties.threads())
			.pollingInterval(this.properties.pollInterval())
			.heartbeatInterval(this.properties.heartbeatInterval())
			.missedHeartbeatsLimit(this.properties.missedHeartbeats())
			.shutdownMaxWait(Duration.ofSeconds(10))
			.enableImmediateExecution()
			.build();
	}

	private boolean stopping() {
		return !this.running;
	}

	@Override
	public void start() {
		if (this.properties.enabled()) {
			this.scheduler = newScheduler();
			this.running = true;
			this.scheduler.start();
			log.info("Job engine started: up to {} job(s) at once, {} item(s) of a job at once",
					this.properties.threads(), this.properties.maxConcurrency());
		}
	}

	@Override
	public void stop() {
		if (this.running) {
			this.running = false;
			this.scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stops before the web server and the database pool
		return SmartLifecycle.DEFAULT_PHASE + 1024;
	}

}
