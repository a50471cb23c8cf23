package io.twilioprovisioning.twilio;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.pricing.v1.phonenumber.Country;
import com.twilio.type.PhoneNumberPrice;

import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.usage.CountryPrices;
import io.twilioprovisioning.usage.PriceSource;

import org.springframework.stereotype.Component;

/**
 * The {@link PriceSource} on Twilio's Pricing API ({@code GET
 * pricing.twilio.com/v1/PhoneNumbers/Countries/{Iso}}), through the same configured
 * client as every other call. Types other than local, mobile and toll-free (national,
 * shared cost…) are left out; a country Twilio does not sell in (404) has no prices.
 */
@Component
class TwilioPriceSource implements PriceSource {

	private final TwilioRestClient client;

	TwilioPriceSource(TwilioRestClient client) {
		this.client = client;
	}

	@Override
	public CountryPrices monthlyPrices(String isoCountry) {
		Country country;
		try {
			country = Country.fetcher(isoCountry).fetch(this.client);
		}
		catch (ApiException ex) {
			if (ex.getStatusCode() != null && ex.getStatusCode() == 404) {
				return new CountryPrices(isoCountry, "USD", Map.of());
			}
			throw TwilioErrors.translate(TwilioCall.PRICES, ex);
		}
		catch (TwilioException ex) {
			throw TwilioErrors.translate(TwilioCall.PRICES, ex);
		}
		Map<NumberType, BigDecimal> monthly = new EnumMap<>(NumberType.class);
		if (country.getPhoneNumberPrices() != null) {
			for (PhoneNumberPrice price : country.getPhoneNumberPrices()) {
				NumberType type = typeOf(price.getType());
				if (type != null) {
					monthly.put(type, BigDecimal.valueOf(price.getCurrentPrice()));
				}
			}
		}
		String currency = (country.getPriceUnit() != null) ? country.getPriceUnit().getCurrencyCode() : "USD";
		return new CountryPrices(isoCountry, currency, monthly);
	}

	private static NumberType typeOf(PhoneNumberPrice.Type type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case LOCAL -> NumberType.LOCAL;
			case MOBILE -> NumberType.MOBILE;
			case TOLLFREE -> NumberType.TOLL_FREE;
			default -> null;
		};
	}

}
