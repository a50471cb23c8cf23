package io.twilioprovisioning.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.twilioprovisioning.numbers.InventoryWiped;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the webhooks remember of the inventory: each {@code To} is looked up once, until
 * its answer is older than {@link AssignedNumbers#FRESH_FOR} or a lifecycle step commits.
 */
class AssignedNumbersTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T03:00:00Z"));

	private final List<String> lookedUp = new ArrayList<>();

	private final AssignedNumbers assigned = new AssignedNumbers((to) -> {
		this.lookedUp.add(to);
		return Optional.<TrackedNumber>empty();
	}, this.clock);

	@Test
	void looksEachNumberUpOnceWhileItsAnswerIsFresh() {
		for (int i = 0; i < 3; i++) {
			this.assigned.find("+12065550100");
			this.assigned.find("+16175550100");
		}

		assertThat(this.lookedUp).containsExactly("+12065550100", "+16175550100");
	}

	@Test
	void asksAgainOnceTheAnswerIsOlderThanItsFreshness() {
		this.assigned.find("+12065550100");
		this.clock.advance(AssignedNumbers.FRESH_FOR.minusMillis(1));
		this.assigned.find("+12065550100");
		this.clock.advance(Duration.ofMillis(2));
		this.assigned.find("+12065550100");

		assertThat(this.lookedUp).containsExactly("+12065550100", "+12065550100");
	}

	@Test
	void forgetsEverythingWhenALifecycleStepCommits() {
		this.assigned.find("+12065550100");
		this.assigned.on(new InventoryWiped("test", this.clock.instant(), 0));
		this.assigned.find("+12065550100");
		this.assigned.on(new NumbersAdopted(List.of()));
		this.assigned.find("+12065550100");

		assertThat(this.lookedUp).hasSize(3);
	}

	@Test
	void neverRemembersWhatCannotBeAPhoneNumber() {
		String junk = "+1" + "2".repeat(40);
		this.assigned.find(junk);
		this.assigned.find(junk);
		this.assigned.find(null);

		assertThat(this.lookedUp).containsExactly(junk, junk, null);
	}

}
