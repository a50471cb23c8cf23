package io.twilioprovisioning.twilio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.twilio.base.Page;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Balance;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumberCreator;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumberReader;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumberUpdater;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.LocalReader;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Mobile;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.MobileReader;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.TollFree;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.TollFreeReader;
import com.twilio.type.PhoneNumber;

import io.twilioprovisioning.numbers.AccountBalance;
import io.twilioprovisioning.numbers.AccountInfo;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.WebhookConfig;

/**
 * The {@link NumberCarrier} on Twilio's 2010-04-01 REST API, through the SDK and one
 * configured {@link TwilioRestClient}. Every failure leaves as a typed carrier exception
 * (see {@link TwilioErrors}); Twilio's resources never leave this class.
 */
class TwilioNumberCarrier implements NumberCarrier {

	/** Numbers per page when looking one number up by its value. */
	private static final long LOOKUP_PAGE_SIZE = 50;

	/** Twilio's largest page. */
	static final int MAX_PAGE_SIZE = 1000;

	private final TwilioRestClient client;

	/** The account whose numbers this view acts on; {@code null}: the client's own. */
	private final String pathAccount;

	private final TwilioMetrics metrics;

	TwilioNumberCarrier(TwilioRestClient client, TwilioMetrics metrics) {
		this(client, metrics, null);
	}

	private TwilioNumberCarrier(TwilioRestClient client, TwilioMetrics metrics, String pathAccount) {
		this.client = client;
		this.metrics = metrics;
		this.pathAccount = pathAccount;
	}

	@Override
	public NumberCarrier inAccount(String accountSid) {
		if (accountSid == null || accountSid.equals(this.client.getAccountSid())) {
			return (this.pathAccount == null) ? this : new TwilioNumberCarrier(this.client, this.metrics, null);
		}
		return new TwilioNumberCarrier(this.client, this.metrics, accountSid);
	}

	/**
	 * {@code POST …/Accounts/{owner}/IncomingPhoneNumbers/{PN}.json} with
	 * {@code AccountSid}: never repeated, a lost answer is an unknown outcome.
	 */
	@Override
	public OwnedNumber transfer(String sid, String toAccountSid) {
		String target = (toAccountSid != null) ? toAccountSid : this.client.getAccountSid();
		IncomingPhoneNumberUpdater updater = ((this.pathAccount != null)
				? IncomingPhoneNumber.updater(this.pathAccount, sid) : IncomingPhoneNumber.updater(sid))
			.setAccountSid(target);
		IncomingPhoneNumber moved = this.metrics.call(TwilioCall.TRANSFER, () -> updater.update(this.client));
		return TwilioErrors.translating(TwilioCall.TRANSFER, () -> TwilioResources.ownedNumber(moved));
	}

	@Override
	public List<AvailableNumber> search(SearchCriteria criteria) {
		return this.metrics.call(TwilioCall.SEARCH, () -> switch (criteria.type()) {
			case LOCAL -> searchLocal(criteria);
			case TOLL_FREE -> searchTollFree(criteria);
			case MOBILE -> searchMobile(criteria);
		});
	}

	private List<AvailableNumber> searchLocal(SearchCriteria criteria) {
		LocalReader reader = Local.reader(criteria.country()).setPageSize((long) criteria.limit());
		if (criteria.areaCode() != null) {
			reader.setAreaCode(Integer.valueOf(criteria.areaCode()));
		}
		reader.setContains(criteria.contains())
			.setInRegion(criteria.region())
			.setInLocality(criteria.locality())
			.setInPostalCode(criteria.postalCode())
			.setSmsEnabled(criteria.smsEnabled())
			.setMmsEnabled(criteria.mmsEnabled())
			.setVoiceEnabled(criteria.voiceEnabled());
		if (criteria.nearNumber() != null) {
			reader.setNearNumber(new PhoneNumber(criteria.nearNumber().value()));
		}
		if (criteria.excludeAddressRequired()) {
			reader.setExcludeAllAddressRequired(true);
		}
		List<AvailableNumber> numbers = new ArrayList<>();
		for (Local offer : reader.firstPage(this.client).getRecords()) {
			TwilioResources
				.availableNumber(offer.getPhoneNumber(), offer.getFriendlyName(), offer.getLocality(),
						offer.getRegion(), offer.getPostalCode(), offer.getIsoCountry(), offer.getCapabilities(),
						offer.getAddressRequirements(), offer.getBeta())
				.ifPresent(numbers::add);
		}
		return limit(numbers, criteria.limit());
	}

	private List<AvailableNumber> searchTollFree(SearchCriteria criteria) {
		TollFreeReader reader = TollFree.reader(criteria.country()).setPageSize((long) criteria.limit());
		if (criteria.areaCode() != null) {
			reader.setAreaCode(Integer.valueOf(criteria.areaCode()));
		}
		reader.setContains(criteria.contains())
			.setInRegion(criteria.region())
			.setInLocality(criteria.locality())
			.setInPostalCode(criteria.postalCode())
			.setSmsEnabled(criteria.smsEnabled())
			.setMmsEnabled(criteria.mmsEnabled())
			.setVoiceEnabled(criteria.voiceEnabled());
		if (criteria.nearNumber() != null) {
			reader.setNearNumber(new PhoneNumber(criteria.nearNumber().value()));
		}
		if (criteria.excludeAddressRequired()) {
			reader.setExcludeAllAddressRequired(true);
		}
		List<AvailableNumber> numbers = new ArrayList<>();
		for (TollFree offer : reader.firstPage(this.client).getRecords()) {
			TwilioResources
				.availableNumber(offer.getPhoneNumber(), offer.getFriendlyName(), offer.getLocality(),
						offer.getRegion(), offer.getPostalCode(), offer.getIsoCountry(), offer.getCapabilities(),
						offer.getAddressRequirements(), offer.getBeta())
				.ifPresent(numbers::add);
		}
		return limit(numbers, criteria.limit());
	}

	private List<AvailableNumber> searchMobile(SearchCriteria criteria) {
		MobileReader reader = Mobile.reader(criteria.country()).setPageSize((long) criteria.limit());
		if (criteria.areaCode() != null) {
			reader.setAreaCode(Integer.valueOf(criteria.areaCode()));
		}
		reader.setContains(criteria.contains())
			.setInRegion(criteria.region())
			.setInLocality(criteria.locality())
			.setInPostalCode(criteria.postalCode())
			.setSmsEnabled(criteria.smsEnabled())
			.setMmsEnabled(criteria.mmsEnabled())
			.setVoiceEnabled(criteria.voiceEnabled());
		if (criteria.nearNumber() != null) {
			reader.setNearNumber(new PhoneNumber(criteria.nearNumber().value()));
		}
		if (criteria.excludeAddressRequired()) {
			reader.setExcludeAllAddressRequired(true);
		}
		List<AvailableNumber> numbers = new ArrayList<>();
		for (Mobile offer : reader.firstPage(this.client).getRecords()) {
			TwilioResources
				.availableNumber(offer.getPhoneNumber(), offer.getFriendlyName(), offer.getLocality(),
						offer.getRegion(), offer.getPostalCode(), offer.getIsoCountry(), offer.getCapabilities(),
						offer.getAddressRequirements(), offer.getBeta())
				.ifPresent(numbers::add);
		}
		return limit(numbers, criteria.limit());
	}

	private static List<AvailableNumber> limit(List<AvailableNumber> numbers, int limit) {
		return List.copyOf((numbers.size() > limit) ? numbers.subList(0, limit) : numbers);
	}

	/**
	 * Buys the number in one POST, never repeated: a lost answer becomes a
	 * {@link io.twilioprovisioning.numbers.CarrierOutcomeUnknownException}.
	 */
	@Override
	public OwnedNumber purchase(PurchaseOrder order) {
		IncomingPhoneNumberCreator creator;
		if (this.pathAccount != null) {
			creator = (order.phoneNumber() != null)
					? IncomingPhoneNumber.creator(this.pathAccount, new PhoneNumber(order.phoneNumber().value()))
					: IncomingPhoneNumber.creator(this.pathAccount, order.areaCode());
		}
		else {
			creator = (order.phoneNumber() != null)
					? IncomingPhoneNumber.creator(new PhoneNumber(order.phoneNumber().value()))
					: IncomingPhoneNumber.creator(order.areaCode());
		}
		if (order.addressSid() != null) {
			creator.setAddressSid(order.addressSid());
		}
		if (order.bundleSid() != null) {
			creator.setBundleSid(order.bundleSid());
		}
		if (order.friendlyName() != null) {
			creator.setFriendlyName(order.friendlyName());
		}
		WebhookConfig hooks = order.webhooks();
		if (hooks.voiceUrl() != null) {
			creator.setVoiceUrl(hooks.voiceUrl());
		}
		if (hooks.voiceMethod() != null) {
			creator.setVoiceMethod(TwilioResources.method(hooks.voiceMethod()));
		}
		if (hooks.voiceFallbackUrl() != null) {
			creator.setVoiceFallbackUrl(hooks.voiceFallbackUrl());
		}
		if (hooks.smsUrl() != null) {
			creator.setSmsUrl(hooks.smsUrl());
		}
		if (hooks.smsMethod() != null) {
			creator.setSmsMethod(TwilioResources.method(hooks.smsMethod()));
		}
		if (hooks.smsFallbackUrl() != null) {
			creator.setSmsFallbackUrl(hooks.smsFallbackUrl());
		}
		if (hooks.statusCallback() != null) {
			creator.setStatusCallback(hooks.statusCallback());
		}
		IncomingPhoneNumber bought = this.metrics.call(TwilioCall.PURCHASE, () -> creator.create(this.client));
		return TwilioErrors.translating(TwilioCall.PURCHASE, () -> TwilioResources.ownedNumber(bought));
	}

	@Override
	public Optional<OwnedNumber> fetch(String sid) {
		try {
			IncomingPhoneNumber number = this.metrics.call(TwilioCall.FETCH,
					() -> ((this.pathAccount != null) ? IncomingPhoneNumber.fetcher(this.pathAccount, sid)
							: IncomingPhoneNumber.fetcher(sid))
						.fetch(this.client));
			return Optional.of(TwilioErrors.translating(TwilioCall.FETCH, () -> TwilioResources.ownedNumber(number)));
		}
		catch (CarrierRefusedException ex) {
			if (ex.isNotFound()) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Filters Twilio's list by the number (a partial match there) and keeps only the
	 * exact match.
	 */
	@Override
	public Optional<OwnedNumber> findByPhoneNumber(E164Number number) {
		IncomingPhoneNumberReader reader = reader().setPhoneNumber(new PhoneNumber(number.value()))
			.setPageSize(LOOKUP_PAGE_SIZE);
		try (Stream<IncomingPhoneNumber> owned = pages(reader, TwilioCall.FIND)) {
			return owned
				.filter((candidate) -> candidate.getPhoneNumber() != null
						&& number.value().equals(candidate.getPhoneNumber().getEndpoint()))
				.findFirst()
				.map((found) -> TwilioErrors.translating(TwilioCall.FIND, () -> TwilioResources.ownedNumber(found)));
		}
	}

	/**
	 * Sends only the fields the update sets. A fallback URL is sent with its primary URL
	 * (Twilio refuses a fallback alone, errors 21405/21406): when the update has no
	 * primary, the number's current one is fetched and sent along.
	 */
	@Override
	public OwnedNumber update(String sid, NumberUpdate update) {
		IncomingPhoneNumberUpdater updater = (this.pathAccount != null)
				? IncomingPhoneNumber.updater(this.pathAccount, sid) : IncomingPhoneNumber.updater(sid);
		if (update.friendlyName() != null) {
			updater.setFriendlyName(update.friendlyName());
		}
		WebhookConfig hooks = (update.webhooks() != null) ? update.webhooks() : WebhookConfig.NONE;
		String voiceUrl = hooks.voiceUrl();
		String smsUrl = hooks.smsUrl();
		if ((hooks.voiceFallbackUrl() != null && voiceUrl == null)
				|| (hooks.smsFallbackUrl() != null && smsUrl == null)) {
			WebhookConfig current = fetch(sid).map(OwnedNumber::webhooks).orElse(WebhookConfig.NONE);
			if (hooks.voiceFallbackUrl() != null && voiceUrl == null) {
				voiceUrl = current.voiceUrl();
			}
			if (hooks.smsFallbackUrl() != null && smsUrl == null) {
				smsUrl = current.smsUrl();
			}
		}
		if (voiceUrl != null) {
			updater.setVoiceUrl(voiceUrl);
		}
		if (hooks.voiceMethod() != null) {
			updater.setVoiceMethod(TwilioResources.method(hooks.voiceMethod()));
		}
		if (hooks.voiceFallbackUrl() != null) {
			updater.setVoiceFallbackUrl(hooks.voiceFallbackUrl());
		}
		if (smsUrl != null) {
			updater.setSmsUrl(smsUrl);
		}
		if (hooks.smsMethod() != null) {
			updater.setSmsMethod(TwilioResources.method(hooks.smsMethod()));
		}
		if (hooks.smsFallbackUrl() != null) {
			updater.setSmsFallbackUrl(hooks.smsFallbackUrl());
		}
		if (hooks.statusCallback() != null) {
			updater.setStatusCallback(hooks.statusCallback());
		}
		IncomingPhoneNumber updated = this.metrics.call(TwilioCall.UPDATE, () -> updater.update(this.client));
		return TwilioErrors.translating(TwilioCall.UPDATE, () -> TwilioResources.ownedNumber(updated));
	}

	@Override
	public boolean release(String sid) {
		try {
			return this.metrics.call(TwilioCall.RELEASE,
					() -> ((this.pathAccount != null) ? IncomingPhoneNumber.deleter(this.pathAccount, sid)
							: IncomingPhoneNumber.deleter(sid))
						.delete(this.client));
		}
		catch (CarrierRefusedException ex) {
			if (ex.isNotFound()) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * Streams Twilio's pages of owned numbers, asking for the next page only when the
	 * stream has consumed the previous one, so at most one page is held at a time.
	 */
	@Override
	public Stream<OwnedNumber> listOwned(int pageSize) {
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE);
		}
		OwnedNumberPages pages = new OwnedNumberPages(this.client,
				(this.pathAccount != null) ? this.pathAccount : accountSid(), pageSize);
		Iterator<List<OwnedNumber>> calls = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return pages.hasNext();
			}

			@Override
			public List<OwnedNumber> next() {
				return TwilioNumberCarrier.this.metrics.call(TwilioCall.LIST, pages::next);
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(calls, Spliterator.ORDERED), false)
			.flatMap(List::stream);
	}

	@Override
	public AccountInfo account() {
		Account account = this.metrics.call(TwilioCall.ACCOUNT, () -> Account.fetcher(accountSid()).fetch(this.client));
		return new AccountInfo(account.getSid(), account.getFriendlyName(),
				(account.getStatus() != null) ? account.getStatus().toString() : null,
				(account.getType() != null) ? account.getType().toString() : null);
	}

	@Override
	public AccountBalance balance() {
		Balance balance = this.metrics.call(TwilioCall.BALANCE, () -> Balance.fetcher(accountSid()).fetch(this.client));
		BigDecimal amount;
		try {
			amount = (balance.getBalance() != null) ? new BigDecimal(balance.getBalance().strip()) : null;
		}
		catch (NumberFormatException ex) {
			throw new CarrierUnavailableException(
					"Could not fetch the balance: Twilio answered an unreadable " + "amount.", null, null, null, null,
					ex);
		}
		return new AccountBalance(amount, balance.getCurrency());
	}

	private IncomingPhoneNumberReader reader() {
		return (this.pathAccount != null) ? IncomingPhoneNumber.reader(this.pathAccount) : IncomingPhoneNumber.reader();
	}

	private String accountSid() {
		return this.client.getAccountSid();
	}

	private Stream<IncomingPhoneNumber> pages(IncomingPhoneNumberReader reader, TwilioCall purpose) {
		return StreamSupport.stream(new PageSpliterator(reader, purpose), false);
	}

	/**
	 * Walks Twilio's pages with {@code firstPage}/{@code nextPage} as the stream is
	 * consumed.
	 */
	private final class PageSpliterator extends Spliterators.AbstractSpliterator<IncomingPhoneNumber> {

		private final IncomingPhoneNumberReader reader;

		private final TwilioCall purpose;

		private Page<IncomingPhoneNumber> page;

		private Iterator<IncomingPhoneNumber> records;

		PageSpliterator(IncomingPhoneNumberReader reader, TwilioCall purpose) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.reader = reader;
			this.purpose = purpose;
		}

		@Override
		public boolean tryAdvance(Consumer<? super IncomingPhoneNumber> action) {
			while (this.records == null || !this.records.hasNext()) {
				if (this.page != null && !this.page.hasNextPage()) {
					return false;
				}
				Page<IncomingPhoneNumber> current = this.page;
				this.page = TwilioNumberCarrier.this.metrics.call(this.purpose,
						() -> (current == null) ? this.reader.firstPage(TwilioNumberCarrier.this.client)
								: this.reader.nextPage(current, TwilioNumberCarrier.this.client));
				this.records = this.page.getRecords().iterator();
			}
			action.accept(this.records.next());
			return true;
		}

	}

}
