package io.twilioprovisioning.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a scheduled job once per period for the whole cluster, however many instances
 * share the database. Every instance keeps its own timer; a run takes the job's lock row
 * in PostgreSQL (ShedLock's {@code shedlock} table) and keeps it for at least
 * {@link #lockAtLeastFor(Duration) 95 % of the period}, so the other instances' timers
 * that fire in the same period find it taken and skip. The row names the instance that
 * ran last ({@code locked_by}: host, process id and a random suffix).
 */
public final class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private final LockProvider locks;

	private final String instanceId;

	ClusterJobs(LockProvider locks, String instanceId) {
		this.locks = locks;
		this.instanceId = instanceId;
	}

	/**
	 * The jobs of one instance on a database.
	 * @param dataSource the database shared by every instance
	 * @param instanceId what the lock row calls this instance
	 * @return the jobs
	 */
	public static ClusterJobs on(DataSource dataSource, String instanceId) {
		return new ClusterJobs(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withLockedByValue(instanceId)
			.usingDbTime()
			.build()), instanceId);
	}

	/**
	 * A name for this instance that differs from every other one, also on the same host
	 * and after a restart: host name, process id and a random suffix.
	 * @return the instance id, at most 255 characters
	 */
	public static String newInstanceId() {
		String host = Utils.getHostname();
		return ((host.length() > 200) ? host.substring(0, 200) : host) + "/" + ProcessHandle.current().pid() + "/"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

	public String instanceId() {
		return this.instanceId;
	}

	/**
	 * Runs the job unless it already ran in this period, on this instance or another.
	 * @param job the job's name (its lock row)
	 * @param period how often the job should run across the cluster
	 * @param longestRun how long a run may take at most; after that (or after the period,
	 * whichever is longer) a crashed instance's lock expires
	 * @param task the job
	 * @return whether this call ran it
	 */
	public boolean runOncePerPeriod(String job, Duration period, Duration longestRun, Runnable task) {
		Duration atLeast = lockAtLeastFor(period);
		Duration atMost = (longestRun.compareTo(atLeast) > 0) ? longestRun : atLeast;
		Optional<SimpleLock> lock = this.locks.lock(new LockConfiguration(Instant.now(), job, atMost, atLeast));
		if (lock.isEmpty()) {
			log.debug("Job {} already ran in this period or is running elsewhere; skipped", job);
			return false;
		}
		try {
			task.run();
			return true;
		}
		finally {
			lock.get().unlock();
		}
	}

	/**
	 * How long a run keeps the job's lock: 95 % of the period, so a run waits for most of
	 * a period after the last one started, and an instance's own timer, which fires one
	 * period after its run ended, always finds the lock free again despite small clock
	 * differences.
	 * @param period the job's period
	 * @return the minimum time between two runs
	 */
	static Duration lockAtLeastFor(Duration period) {
		return period.minus(period.dividedBy(20));
	}

}
