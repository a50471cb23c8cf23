package io.twilioprovisioning.numbers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves a purchase by area code to one exact number before anything is bought, so that
 * a lost answer can be checked against that number. Concurrent purchases in one area code
 * pick different numbers, across threads and instances: a candidate another purchase is
 * buying (or that is tracked) is skipped, the claim itself is the unique index on live
 * numbers, candidates are tried in random order, and when every number Twilio offers is
 * taken the search is repeated a few times, since purchases that finish meanwhile drop
 * out of Twilio's offer.
 */
@Component
class AreaCodePicker {

	/** How often a pick searches when every number offered is taken. */
	static final int ROUNDS = 4;

	private static final Logger log = LoggerFactory.getLogger(AreaCodePicker.class);

	private final NumberCarrier carrier;

	private final PhoneNumberRepository numbers;

	private final TransactionTemplate tx;

	AreaCodePicker(NumberCarrier carrier, PhoneNumberRepository numbers,
			PlatformTransactionManager transactionManager) {
		this.carrier = carrier;
		this.numbers = numbers;
		this.tx = new TransactionTemplate(transactionManager);
	}

	/**
	 * Claims a number for sale in the area code for the purchase intent.
	 * @param intentId the {@code PURCHASING} row, which gets the number
	 * @param areaCode the area code
	 * @return the claimed number, or empty when none is left for sale
	 * @throws CarrierException when Twilio could not be searched
	 */
	Optional<E164Number> pick(long intentId, String areaCode) {
		for (int round = 1; round <= ROUNDS; round++) {
			List<AvailableNumber> offered = this.carrier
				.search(SearchCriteria.local("US").withAreaCode(areaCode).withLimit(SearchCriteria.MAX_LIMIT));
			if (offered.isEmpty()) {
				return Optional.empty();
			}
			List<String> candidates = new ArrayList<>(offered.stream().map((n) -> n.phoneNumber().value()).toList());
			candidates.removeAll(this.numbers.findLiveE164s(candidates));
			Collections.shuffle(candidates);
			for (String candidate : candidates) {
				if (claim(intentId, candidate)) {
					return Optional.of(new E164Number(candidate));
				}
			}
			if (round < ROUNDS) {
				log.debug("Every number offered in area code {} is taken; searching again", areaCode);
				pause(round);
			}
		}
		return Optional.empty();
	}

	private boolean claim(long intentId, String e164) {
		try {
			Integer updated = this.tx.execute((status) -> this.numbers.setE164(intentId, e164));
			return updated != null && updated == 1;
		}
		catch (DuplicateKeyException ex) {
			log.debug("{} is already tracked or being bought; trying the next candidate", e164);
			return false;
		}
	}

	private static void pause(int round) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(50, 150) * round);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
