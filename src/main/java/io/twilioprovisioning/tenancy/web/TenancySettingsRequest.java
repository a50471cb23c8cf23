package io.twilioprovisioning.tenancy.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A client's tenancy settings.
 *
 * @param messagingEnabled whether its textable numbers join a Messaging Service
 * @param bundleSid the approved regulatory Bundle its mobile purchases carry, or
 * {@code null} for none
 */
record TenancySettingsRequest(@NotNull Boolean messagingEnabled, @Pattern(regexp = "BU[0-9a-fA-F]{32}",
		message = "must be a Bundle SID: BU and 32 hex digits") String bundleSid) {

}
