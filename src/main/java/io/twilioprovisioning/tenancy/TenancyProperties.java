package io.twilioprovisioning.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenancy settings: {@code PROVISIONING_TENANCY} ({@code shared} or
 * {@code subaccount-per-client}) and {@code PROVISIONING_MESSAGING_SERVICE_PER_CLIENT}
 * (every client gets a Messaging Service by default; each client can also switch it on
 * alone).
 *
 * @param tenancy where client numbers live
 * @param messagingServicePerClient whether clients get a Messaging Service by default
 */
@ConfigurationProperties("provisioning")
public record TenancyProperties(@DefaultValue("shared") TenancyMode tenancy,
		@DefaultValue("false") boolean messagingServicePerClient) {

}
