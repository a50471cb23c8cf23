package io.twilioprovisioning.platform;

import java.time.Instant;

/**
 * The sandbox started over (sandbox mode only): the emulated Twilio account is being
 * emptied, and every module that tracks what was bought there forgets it in the same
 * transaction. Published by the sandbox, which may depend on nothing but the platform,
 * and heard by the modules that own the tables (ADR 0015).
 *
 * @param actor the admin who reset it
 * @param occurredAt when
 */
public record SandboxReset(String actor, Instant occurredAt) {

}
