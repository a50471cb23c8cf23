package io.twilioprovisioning.tenancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.platform.DomainException;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The inventory check across accounts: walks the main account and every client subaccount
 * in Twilio (page by page) and reports each tracked number that Twilio has in another
 * account than the one recorded, or than the one its client's numbers belong in, and
 * numbers a subaccount holds that nobody tracks. The fix records where Twilio has the
 * number, then moves it into its client's account with the transfer's safety
 * ({@link NumberLifecycle#relocate}).
 */
@Service
public class TenancyDrift {

	private static final int PAGE_SIZE = 1000;

	private final Tenancy tenancy;

	private final NumberCarrier carrier;

	private final NumberLifecycle lifecycle;

	TenancyDrift(Tenancy tenancy, NumberCarrier carrier, NumberLifecycle lifecycle) {
		this.tenancy = tenancy;
		this.carrier = carrier;
		this.lifecycle = lifecycle;
	}

	/**
	 * The numbers in the wrong account.
	 */
	public Report check() {
		Map<String, Long> clientsByAccount = this.tenancy.clientsByAccount();
		List<String> accounts = new ArrayList<>();
		accounts.add(null);
		accounts.addAll(clientsByAccount.keySet());
		List<Item> items = new ArrayList<>();
		long checked = 0;
		for (String account : accounts) {
			try (Stream<OwnedNumber> owned = this.carrier.inAccount(account).listOwned(PAGE_SIZE)) {
				for (OwnedNumber number : (Iterable<OwnedNumber>) owned::iterator) {
					checked++;
					inspect(number, account, clientsByAccount).ifPresent(items::add);
				}
			}
		}
		return new Report(checked, items);
	}

	private Optional<Item> inspect(OwnedNumber number, String account, Map<String, Long> clientsByAccount) {
		Optional<TrackedNumber> tracked = this.lifecycle.findLiveBySid(number.sid());
		Long holder = (account != null) ? clientsByAccount.get(account) : null;
		if (tracked.isEmpty()) {
			return (account != null) ? Optional.of(new Item(number.phoneNumber().value(), number.sid(), null, null,
					holder, null, "untracked in a client's subaccount")) : Optional.empty();
		}
		TrackedNumber row = tracked.get();
		if (row.state() != PhoneNumberState.ACTIVE) {
			return Optional.empty();
		}
		String recorded = this.lifecycle.accountOf(row.id());
		String belongs = (this.tenancy.mode() == TenancyMode.SUBACCOUNT_PER_CLIENT && row.clientId() != null)
				? this.tenancy.of(row.clientId()).accountSid() : null;
		boolean misrecorded = !Objects.equals(recorded, account);
		boolean misplaced = this.tenancy.mode() == TenancyMode.SUBACCOUNT_PER_CLIENT && row.clientId() != null
				&& belongs != null && !belongs.equals(account);
		if (!misrecorded && !misplaced) {
			return Optional.empty();
		}
		return Optional.of(new Item(row.e164(), row.sid(), row.id(), row.clientId(), holder, account,
				misplaced ? "in another account than its client's" : "in another account than recorded"));
	}

	/**
	 * Records where Twilio has each drifted number and moves it into its client's
	 * account.
	 */
	public FixResult fix(String actor) {
		int fixed = 0;
		List<String> problems = new ArrayList<>();
		for (Item item : check().items()) {
			if (item.numberId() == null) {
				continue;
			}
			try {
				this.lifecycle.recordAccount(item.numberId(), item.foundInAccount(), actor);
				this.lifecycle.relocate(io.twilioprovisioning.numbers.NumberRef.ofSid(item.sid()), actor);
				fixed++;
			}
			catch (DomainException ex) {
				problems.add(item.phoneNumber() + ": " + ex.getMessage());
			}
		}
		return new FixResult(fixed, problems);
	}

	/**
	 * What the check found.
	 *
	 * @param checked numbers Twilio has across the accounts walked
	 * @param items the drifted ones
	 */
	@NullMarked
	public record Report(long checked, List<Item> items) {

	}

	/**
	 * One number in the wrong account.
	 *
	 * @param phoneNumber E.164
	 * @param sid Twilio's SID
	 * @param numberId the inventory row, or {@code null} when untracked
	 * @param clientId the client that holds it in the inventory
	 * @param foundWithClientId the client whose subaccount Twilio has it in, or
	 * {@code null} for the main account
	 * @param foundInAccount the account Twilio has it in ({@code null}: main)
	 * @param finding what is wrong
	 */
	@NullMarked
	public record Item(@Nullable String phoneNumber, String sid, @Nullable Long numberId, @Nullable Long clientId,
			@Nullable Long foundWithClientId, @Nullable String foundInAccount, String finding) {

	}

	/**
	 * What the fix did.
	 *
	 * @param fixed numbers moved into their client's account
	 * @param problems what could not be fixed, and why
	 */
	@NullMarked
	public record FixResult(int fixed, List<String> problems) {

	}

}
