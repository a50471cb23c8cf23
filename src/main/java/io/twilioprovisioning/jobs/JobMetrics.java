package io.twilioprovisioning.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code jobs.running} ({@code jobs_running} in Prometheus, on the Grafana
 * dashboard): the jobs running across the cluster. A scrape costs one count over the
 * partial index {@code jobs_active}, which holds only queued, running and paused jobs, so
 * it stays cheap however many jobs have ended.
 */
@Component
class JobMetrics {

	static final String RUNNING = "jobs.running";

	private static final Logger log = LoggerFactory.getLogger(JobMetrics.class);

	JobMetrics(MeterRegistry registry, JobRepository repository) {
		Gauge.builder(RUNNING, repository, JobMetrics::running)
			.description("Jobs running across the cluster")
			.register(registry);
	}

	private static double running(JobRepository repository) {
		try {
			return repository.countRunning();
		}
		catch (DataAccessException ex) {
			log.debug("Could not count the running jobs", ex);
			return Double.NaN;
		}
	}

}
