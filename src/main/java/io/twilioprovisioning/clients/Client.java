package io.twilioprovisioning.clients;

import java.time.Instant;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A client business (tenant) that phone numbers are handed to.
 *
 * @param id the database id
 * @param name the unique display name, trimmed
 * @param status active or inactive
 * @param contactEmail who to contact at the client, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
@NullMarked
public record Client(long id, String name, ClientStatus status, @Schema(format = "email") @Nullable String contactEmail,
		Instant createdAt, Instant updatedAt) {

	public boolean isActive() {
		return this.status == ClientStatus.ACTIVE;
	}

}
