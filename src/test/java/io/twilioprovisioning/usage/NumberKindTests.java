package io.twilioprovisioning.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The country and type that price a number, for the sandbox's ranges and Twilio's test
 * numbers.
 */
class NumberKindTests {

	@Test
	void northAmericanNumbersAreLocalInTheirCountryAndTollFreeByPrefix() {
		assertThat(NumberKind.of(new E164Number("+14155550100"))).isEqualTo(new NumberKind("US", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+14165550100"))).isEqualTo(new NumberKind("CA", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+18005550100"))).isEqualTo(new NumberKind("US", NumberType.TOLL_FREE));
		assertThat(NumberKind.of(new E164Number("+15005550006"))).isEqualTo(new NumberKind("US", NumberType.LOCAL));
	}

	@Test
	void britishMobileNumbersAreMobileEvenWhenNotAllocated() {
		assertThat(NumberKind.of(new E164Number("+442079460100"))).isEqualTo(new NumberKind("GB", NumberType.LOCAL));
		assertThat(NumberKind.of(new E164Number("+447700900100"))).isEqualTo(new NumberKind("GB", NumberType.MOBILE));
		assertThat(NumberKind.of(new E164Number("+448081570100")))
			.isEqualTo(new NumberKind("GB", NumberType.TOLL_FREE));
	}

	@Test
	void searchesTheRegionOnceWithTheAnswersOfTheLibrarysOwnTwoSearches() throws NumberParseException {
		List<String> numbers = new ArrayList<>(List.of("+19955550001", "+12685550100", "+12684601234", "+18095550100",
				"+18292345678", "+16585550100", "+18765550100", "+19395550100", "+18335550100", "+18001234567",
				"+442079460100", "+447700900100", "+4930123456", "+61412345678", "+80012345678", "+882345678901",
				"+3906123456", "+12025550199", "+19295550123"));
		Random random = new Random(9);
		for (int i = 0; i < 3000; i++) {
			numbers.add("+1" + (200 + random.nextInt(800)) + String.format("%07d", random.nextInt(10_000_000)));
		}
		for (int code : List.of(44, 49, 33, 61, 7, 81, 52, 55, 39, 34)) {
			for (int i = 0; i < 100; i++) {
				numbers.add("+" + code + (100_000_000L + random.nextInt(900_000_000)));
			}
		}
		for (String number : numbers) {
			assertThat(NumberKind.of(new E164Number(number))).as(number).isEqualTo(searchingTwice(number));
			assertThat(NumberKind.parse(new E164Number(number))).as(number)
				.isEqualTo(PhoneNumberUtil.getInstance().parse(number, null));
		}
	}

	/**
	 * What {@link NumberKind#of} answered when it let libphonenumber search the region in
	 * both calls.
	 */
	private static NumberKind searchingTwice(String number) throws NumberParseException {
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		Phonenumber.PhoneNumber parsed = util.parse(number, null);
		String region = util.getRegionCodeForNumber(parsed);
		if (region == null || "ZZ".equals(region) || "001".equals(region)) {
			region = util.getRegionCodeForCountryCode(parsed.getCountryCode());
		}
		if (region == null || !region.matches("[A-Z]{2}")) {
			region = "ZZ";
		}
		NumberType type = switch (util.getNumberType(parsed)) {
			case TOLL_FREE -> NumberType.TOLL_FREE;
			case MOBILE -> NumberType.MOBILE;
			default -> ("GB".equals(region) && String.valueOf(parsed.getNationalNumber()).startsWith("7"))
					? NumberType.MOBILE : NumberType.LOCAL;
		};
		return new NumberKind(region, type);
	}

}
