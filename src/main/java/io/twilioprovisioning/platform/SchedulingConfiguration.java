package io.twilioprovisioning.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts every instance's timers for the scheduled jobs; {@link ClusterJobs} makes each
 * job run once per period across the instances sharing the database. Off with
 * {@code provisioning.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "provisioning.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

}
