package io.twilioprovisioning.platform;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database, as two {@link ClusterJobs} with their own lock providers
 * and names: a job runs once per period for both, and the lock row says which instance
 * ran it. No test waits for a period to pass: the lock row is moved back in time instead.
 */
@RunningServerTest
class ClusterJobsTests {

	static final Duration HOURLY = Duration.ofHours(1);

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClusterJobs appJobs;

	@Autowired
	ApplicationContext context;

	final String job = "test-job-" + UUID.randomUUID();

	final AtomicInteger runs = new AtomicInteger();

	String lockedBy() {
		return this.jdbc.sql("SELECT locked_by FROM shedlock WHERE name = :name")
			.param("name", this.job)
			.query(String.class)
			.single();
	}

	/** As if the period had passed since the last run. */
	void periodPasses() {
		this.jdbc.sql("""
				UPDATE shedlock SET lock_until = lock_until - interval '1 day', locked_at = locked_at - interval '1 day'
				WHERE name = :name""").param("name", this.job).update();
	}

	@Test
	void aJobRunsOncePerPeriodAcrossTwoInstancesAndTheLockNamesTheInstance() {
		ClusterJobs first = ClusterJobs.on(this.dataSource, "host-a/101/" + UUID.randomUUID());
		ClusterJobs second = ClusterJobs.on(this.dataSource, "host-a/202/" + UUID.randomUUID());

		assertThat(first.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), this.runs::incrementAndGet))
			.isTrue();
		assertThat(second.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), this.runs::incrementAndGet))
			.isFalse();
		assertThat(first.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), this.runs::incrementAndGet))
			.isFalse();
		assertThat(this.runs).hasValue(1);
		assertThat(lockedBy()).isEqualTo(first.instanceId());

		periodPasses();

		assertThat(second.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), this.runs::incrementAndGet))
			.isTrue();
		assertThat(first.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), this.runs::incrementAndGet))
			.isFalse();
		assertThat(this.runs).hasValue(2);
		assertThat(lockedBy()).isEqualTo(second.instanceId()).isNotEqualTo(first.instanceId());
	}

	@Test
	void aRunningJobIsNotStartedByAnotherInstance() {
		ClusterJobs first = ClusterJobs.on(this.dataSource, "host-a/101/" + UUID.randomUUID());
		ClusterJobs second = ClusterJobs.on(this.dataSource, "host-b/101/" + UUID.randomUUID());
		AtomicBoolean secondRan = new AtomicBoolean(true);

		boolean ran = first.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5),
				() -> secondRan.set(second.runOncePerPeriod(this.job, HOURLY, Duration.ofMinutes(5), () -> {
				})));

		assertThat(ran).isTrue();
		assertThat(secondRan).isFalse();
	}

	@Test
	void theLockIsKeptForMostOfThePeriodSoAnInstanceFindsItFreeAfterItsOwnPeriod() {
		assertThat(ClusterJobs.lockAtLeastFor(HOURLY)).isEqualTo(Duration.ofMinutes(57));
		assertThat(ClusterJobs.lockAtLeastFor(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(57));
	}

	@Test
	void schedulingIsOffWhenSwitchedOffSoNoTimerRacesTheTests() {
		assertThat(this.context.getBeanNamesForType(ScheduledAnnotationBeanPostProcessor.class)).isEmpty();
	}

	@Test
	void instancesOnOneHostHaveDifferentNames() {
		String one = ClusterJobs.newInstanceId();
		String other = ClusterJobs.newInstanceId();

		assertThat(one).isNotEqualTo(other).contains("/" + ProcessHandle.current().pid() + "/");
		assertThat(this.appJobs.instanceId()).contains("/" + ProcessHandle.current().pid() + "/").hasSizeLessThan(256);
	}

}
