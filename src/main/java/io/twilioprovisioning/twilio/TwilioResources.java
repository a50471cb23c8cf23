package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.type.PhoneNumber;
import com.twilio.type.PhoneNumberCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.numbers.AddressRequirement;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;

/**
 * Translates the SDK's resources into the carrier port's records, so Twilio's model never
 * leaves the adapter. Unset values ({@code null} or {@code ""}) become {@code null}.
 */
final class TwilioResources {

	private static final Logger log = LoggerFactory.getLogger(TwilioResources.class);

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

	private TwilioResources() {
	}

	/**
	 * An offer from a search, or empty (and a warning) when Twilio's number is not E.164.
	 */
	static Optional<AvailableNumber> availableNumber(PhoneNumber number, PhoneNumber friendlyName, String locality,
			String region, String postalCode, String isoCountry, PhoneNumberCapabilities capabilities,
			String addressRequirements, Boolean beta) {
		String value = (number != null) ? number.getEndpoint() : null;
		if (value == null || !E164.matcher(value).matches()) {
			log.warn("Ignoring a search result that is not an E.164 number");
			return Optional.empty();
		}
		return Optional.of(new AvailableNumber(new E164Number(value),
				(friendlyName != null) ? blankToNull(friendlyName.getEndpoint()) : null, blankToNull(locality),
				blankToNull(region), blankToNull(postalCode), blankToNull(isoCountry), capabilities(capabilities),
				AddressRequirement.fromTwilio(addressRequirements), Boolean.TRUE.equals(beta)));
	}

	/**
	 * An owned number.
	 * @throws ApiException when Twilio's number is not E.164 (the answer is unusable)
	 */
	static OwnedNumber ownedNumber(IncomingPhoneNumber number) {
		WebhookConfig webhooks = new WebhookConfig(url(number.getVoiceUrl()), method(number.getVoiceMethod()),
				url(number.getVoiceFallbackUrl()), url(number.getSmsUrl()), method(number.getSmsMethod()),
				url(number.getSmsFallbackUrl()), url(number.getStatusCallback()));
		return ownedNumber(number.getSid(),
				(number.getPhoneNumber() != null) ? number.getPhoneNumber().getEndpoint() : null,
				number.getFriendlyName(), capabilities(number.getCapabilities()), webhooks,
				instant(number.getDateCreated()), instant(number.getDateUpdated()));
	}

	/**
	 * An owned number from the fields Twilio answered, however they were read (the SDK's
	 * resource, or {@link OwnedNumberPages} reading the list).
	 * @throws ApiException when Twilio's number is not E.164 (the answer is unusable)
	 */
	static OwnedNumber ownedNumber(String sid, String phoneNumber, String friendlyName, Capabilities capabilities,
			WebhookConfig webhooks, Instant createdAt, Instant updatedAt) {
		if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
			throw new ApiException("Twilio answered an owned number that is not in E.164 form");
		}
		return new OwnedNumber(sid, new E164Number(phoneNumber), blankToNull(friendlyName), capabilities, webhooks,
				createdAt, updatedAt);
	}

	static Capabilities capabilities(PhoneNumberCapabilities capabilities) {
		if (capabilities == null) {
			return Capabilities.NONE;
		}
		return new Capabilities(capabilities.getVoice(), capabilities.getSms(), capabilities.getMms(),
				capabilities.getFax());
	}

	static HttpMethod method(WebhookMethod method) {
		return (method == WebhookMethod.GET) ? HttpMethod.GET : HttpMethod.POST;
	}

	static WebhookMethod method(HttpMethod method) {
		if (method == HttpMethod.GET) {
			return WebhookMethod.GET;
		}
		return (method == HttpMethod.POST) ? WebhookMethod.POST : null;
	}

	private static String url(URI uri) {
		return (uri != null) ? blankToNull(uri.toString()) : null;
	}

	private static Instant instant(ZonedDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
