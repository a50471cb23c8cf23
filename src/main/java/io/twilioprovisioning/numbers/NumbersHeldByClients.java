package io.twilioprovisioning.numbers;

import io.twilioprovisioning.clients.ClientHoldings;

import org.springframework.stereotype.Component;

/**
 * Tells the clients module how many numbers a client holds, so a client cannot be
 * deactivated while numbers are being bought for it, are owned by it or are being
 * released.
 */
@Component
class NumbersHeldByClients implements ClientHoldings {

	private final PhoneNumberRepository numbers;

	NumbersHeldByClients(PhoneNumberRepository numbers) {
		this.numbers = numbers;
	}

	@Override
	public long numbersHeldBy(long clientId) {
		return this.numbers.countLiveHeldBy(clientId);
	}

}
