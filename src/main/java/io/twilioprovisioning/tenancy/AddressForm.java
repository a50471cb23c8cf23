package io.twilioprovisioning.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A client's postal address, as Twilio's Addresses API takes it.
 *
 * @param customerName the business's name
 * @param street street and number
 * @param city city
 * @param region state, county or region
 * @param postalCode postal code
 * @param isoCountry ISO 3166-1 alpha-2, e.g. {@code GB}
 */
public record AddressForm(@NotBlank @Size(max = 100) String customerName, @NotBlank @Size(max = 200) String street,
		@NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 100) String region,
		@NotBlank @Size(max = 20) String postalCode,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code like GB") String isoCountry) {

}
