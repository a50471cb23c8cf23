package io.twilioprovisioning.platform;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What one client connection may hold of the server (see {@code ClientLimitValve} and
 * docs/adr/0006).
 *
 * @param maxRequestsPerClient requests one client address may have in progress at once;
 * more are answered 429 and their connection closed; 0 turns the limit off
 * @param bodyTimeout how long a request body may take to arrive in full once its headers
 * are in; a slower body is answered 408 and its connection closed
 * @param bufferSlowBodies whether a body that has not fully arrived with its headers is
 * read without holding a worker thread (buffered in memory, then handed to the
 * application whole); {@code false} restores Tomcat's blocking reads
 * @param maxBufferedBody the largest body read that way; a larger declared length goes to
 * the application unbuffered (whose size limits refuse it), a larger chunked body is 413
 * @param maxBufferedTotal memory all bodies being read that way may take together; beyond
 * it a slow body is answered 503
 */
@Validated
@ConfigurationProperties("provisioning.http")
public record ClientLimitProperties(@DefaultValue("50") @Min(0) int maxRequestsPerClient,
		@DefaultValue("20s") @NotNull Duration bodyTimeout, @DefaultValue("true") boolean bufferSlowBodies,
		@DefaultValue("2MB") @NotNull DataSize maxBufferedBody,
		@DefaultValue("64MB") @NotNull DataSize maxBufferedTotal) {

}
