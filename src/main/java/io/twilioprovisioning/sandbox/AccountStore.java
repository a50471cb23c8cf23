package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The emulated accounts: the main account and its subaccounts (in creation order), and
 * the balance they share (a subaccount's purchases are billed to the main account). Not
 * thread-safe: {@link EmulatorState} guards it.
 */
final class AccountStore {

	/** How many subaccounts an account may have (Twilio's default limit, 21480 above). */
	static final int MAX_SUBACCOUNTS = 1000;

	private final AccountRecord main;

	private final Map<String, AccountRecord> accounts = new LinkedHashMap<>();

	private final BigDecimal initialBalance;

	private final StateJournal journal;

	private BigDecimal balance;

	AccountStore(AccountRecord main, BigDecimal initialBalance, StateJournal journal) {
		this.main = main;
		this.initialBalance = initialBalance;
		this.journal = journal;
		clear();
	}

	AccountRecord main() {
		return this.main;
	}

	Optional<AccountRecord> find(String sid) {
		return Optional.ofNullable(this.accounts.get(sid));
	}

	/**
	 * The active account whose HTTP Basic credentials an {@code Authorization} header
	 * carries.
	 * @return the account, or {@code null} when the header is missing or malformed, the
	 * credentials are wrong or the account is suspended or closed
	 */
	AccountRecord authenticate(String authorization) {
		if (authorization == null || authorization.length() < 6
				|| !authorization.substring(0, 6).equalsIgnoreCase("Basic ")) {
			return null;
		}
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = credentials.indexOf(':');
		AccountRecord account = (colon >= 0)
				? authenticate(credentials.substring(0, colon), credentials.substring(colon + 1)) : null;
		return (account != null && account.isActive()) ? account : null;
	}

	/**
	 * The account whose SID and auth token these are, in time independent of where they
	 * differ.
	 * @return the account, or {@code null} when the credentials are wrong
	 */
	AccountRecord authenticate(String sid, String token) {
		AccountRecord account = this.accounts.get(sid);
		byte[] expected = ((account != null) ? account.authToken() : this.main.authToken())
			.getBytes(StandardCharsets.UTF_8);
		boolean matches = MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.UTF_8));
		return (account != null && matches) ? account : null;
	}

	/**
	 * The main account first, then its subaccounts in creation order.
	 */
	List<AccountRecord> all() {
		return new ArrayList<>(this.accounts.values());
	}

	int subaccountCount() {
		return this.accounts.size() - 1;
	}

	void save(AccountRecord account) {
		this.accounts.put(account.sid(), account);
		this.journal.record(StateChange.saved(StateChange.Kind.ACCOUNT, account.sid(), account));
	}

	BigDecimal balance() {
		return this.balance;
	}

	void charge(BigDecimal amount) {
		this.balance = this.balance.subtract(amount);
	}

	void restoreBalance(BigDecimal stored) {
		this.balance = stored;
	}

	void clear() {
		this.accounts.clear();
		this.accounts.put(this.main.sid(), this.main);
		this.balance = this.initialBalance;
	}

}
