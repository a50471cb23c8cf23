package io.twilioprovisioning.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL started when no {@code SPRING_DATASOURCE_URL} is
 * set.
 *
 * @param dataDir where the cluster keeps its files, so data survives restarts
 * @param ephemeral {@code true} in tests: one throw-away server per JVM, and a fresh
 * database for each application context
 */
@ConfigurationProperties("provisioning.database.embedded")
public record EmbeddedDatabaseProperties(@DefaultValue("./data/postgres") String dataDir,
		@DefaultValue("false") boolean ephemeral) {

}
