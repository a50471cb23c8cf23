package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;
import io.twilioprovisioning.sandbox.OwnedRecord.Extras;
import io.twilioprovisioning.sandbox.OwnedRecord.Webhooks;

/**
 * An emulated Twilio account and its subaccounts behind the REST endpoints of four Twilio
 * hosts (the 2010-04-01 API, Messaging Services, Pricing, regulatory Bundles),
 * independent of any HTTP server: a transport turns an HTTP request into an
 * {@link EmulatorRequest} and writes back the {@link EmulatorResponse}. It sells numbers
 * from fictional ranges only, answers with Twilio's shapes and error codes, honours
 * Twilio's test magic numbers and injects the faults of its {@link FaultPlan}.
 * Thread-safe.
 *
 * <p>
 * This class is what every request goes through: HTTP Basic authentication (an account's
 * SID and auth token; 401, 20003 otherwise, also for a suspended or closed account), the
 * route (404, 20404), the account a path names (the caller itself or one of its
 * subaccounts; 404 for an unknown one, 401 for another's), the method (405, 20004),
 * latency, faults and Twilio's response headers. Each resource has its own handler; what
 * they remember is in {@link EmulatorState}, one holder per resource.
 */
public final class TwilioEmulator {

	/**
	 * Account SID of the sandbox unless configured: valid shape ({@code AC} + 32 hex),
	 * obviously not a real account ({@code 5a4db0c5}, "sandbox", then zeros).
	 */
	public static final String DEFAULT_ACCOUNT_SID = "AC5a4db0c5000000000000000000000000";

	/** Auth token of the sandbox unless configured; not a secret, never a real token. */
	public static final String DEFAULT_AUTH_TOKEN = "sandbox0auth0token0not0a0secret0";

	/**
	 * What the purchase of a US local number takes off the balance, in USD; other
	 * countries and types cost what the Pricing API answers.
	 */
	public static final BigDecimal PRICE_PER_NUMBER = PriceList.monthly("US", Catalog.LOCAL);

	/** The balance of a new or reset account, in USD. */
	public static final BigDecimal INITIAL_BALANCE = new BigDecimal("500.00");

	/** Twilio's test number that can always be bought (also for AreaCode 500). */
	public static final String MAGIC_AVAILABLE = "+15005550006";

	/** Twilio's test number that is never available (21422). */
	public static final String MAGIC_UNAVAILABLE = "+15005550000";

	/** Twilio's test number that is invalid (21421). */
	public static final String MAGIC_INVALID = "+15005550001";

	/** Twilio's test area code without numbers (21452). */
	public static final String MAGIC_EMPTY_AREA_CODE = "533";

	/** Twilio's test area code whose purchase buys {@link #MAGIC_AVAILABLE}. */
	public static final String MAGIC_AREA_CODE = "500";

	/**
	 * How many numbers {@link #preload(int)} can add: exchange 555 of the 80 NANP area
	 * codes N9X, which are reserved for expansion and never in service.
	 */
	public static final int PRELOAD_CAPACITY = 80 * 10_000;

	private static final Capabilities PRELOAD_CAPABILITIES = new Capabilities(true, true, true, false);

	private final String accountSid;

	private final Clock clock;

	private final EmulatorState state;

	private final RouteTable routes = new RouteTable();

	private final FaultPlan faults = new FaultPlan();

	private final AtomicIntegerArray requests = new AtomicIntegerArray(Operation.values().length);

	private final AtomicInteger inFlight = new AtomicInteger();

	public TwilioEmulator(String accountSid, String authToken) {
		this(accountSid, authToken, Clock.systemUTC());
	}

	/**
	 * An emulator whose dates come from the given clock.
	 * @param accountSid the main account's SID ({@code AC} + 32 hex) clients must use
	 * @param authToken the main account's auth token clients must use
	 * @param clock the clock for {@code date_created}/{@code date_updated}
	 */
	public TwilioEmulator(String accountSid, String authToken, Clock clock) {
		this(accountSid, authToken, clock, EmulatorStorage.MEMORY);
	}

	/**
	 * An emulator whose state is kept in a storage.
	 * @param accountSid the main account's SID ({@code AC} + 32 hex) clients must use
	 * @param authToken the main account's auth token clients must use
	 * @param clock the clock for {@code date_created}/{@code date_updated}
	 * @param storage where the state outlives the emulator, if anywhere
	 */
	TwilioEmulator(String accountSid, String authToken, Clock clock, EmulatorStorage storage) {
		if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) {
			throw new IllegalArgumentException("The account SID must be AC followed by 32 hex digits");
		}
		if (authToken == null || authToken.isBlank()) {
			throw new IllegalArgumentException("The auth token must not be blank");
		}
		this.accountSid = accountSid;
		this.clock = clock;
		Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		this.state = new EmulatorState(new AccountRecord(accountSid, accountSid, "Sandbox account",
				AccountRecord.ACTIVE, authToken, created, created), INITIAL_BALANCE, storage);
		EmulatorContext context = new EmulatorContext(this.state, clock);
		new AccountsHandler(context).register(this.routes);
		new AvailableNumbersHandler(context).register(this.routes);
		new IncomingNumbersHandler(context).register(this.routes);
		new AddressesHandler(context).register(this.routes);
		new MessagingServicesHandler(context).register(this.routes);
		new PricingHandler().register(this.routes);
		new BundlesHandler(context).register(this.routes);
	}

	/**
	 * An emulator with {@link #DEFAULT_ACCOUNT_SID} and {@link #DEFAULT_AUTH_TOKEN}.
	 * @return a new emulator
	 */
	public static TwilioEmulator withDefaultCredentials() {
		return new TwilioEmulator(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
	}

	/**
	 * The main account's SID.
	 * @return {@code AC} + 32 hex
	 */
	public String accountSid() {
		return this.accountSid;
	}

	/**
	 * The latency and failures to inject; change it at any time.
	 * @return the plan
	 */
	public FaultPlan faults() {
		return this.faults;
	}

	/**
	 * Answers one request.
	 * @param request the request
	 * @return the answer; {@link EmulatorResponse#dropConnection()} asks the transport to
	 * drop the connection instead
	 */
	public EmulatorResponse handle(EmulatorRequest request) {
		long started = System.nanoTime();
		int concurrent = this.inFlight.incrementAndGet();
		try {
			EmulatorResponse response;
			if (this.faults.overConcurrencyLimit(concurrent)) {
				response = EmulatorContext.error(429, 20429, "Too Many Requests", Map.of());
			}
			else {
				response = this.faults.await(this.faults.nextLatency()) ? dispatch(request) : interrupted();
			}
			Map<String, String> headers = new LinkedHashMap<>(response.headers());
			if (response.hasBody()) {
				headers.put("Content-Type", "application/json; charset=utf-8");
			}
			headers.put("Twilio-Request-Id", "RQ" + EmulatorContext.randomHex());
			headers.put("Twilio-Concurrent-Requests", Integer.toString(concurrent));
			headers.put("Twilio-Request-Duration",
					BigDecimal.valueOf(System.nanoTime() - started, 9)
						.setScale(3, RoundingMode.HALF_UP)
						.toPlainString());
			return new EmulatorResponse(response.status(), response.body(), headers, response.dropConnection());
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Adds numbers the main account owns without charging for them, e.g. to benchmark
	 * paging. They come from exchange 555 of the NANP expansion area codes N9X (290–299,
	 * 390–399, … 990–999), which are never in service and never sold by the emulator.
	 * @param count how many to add
	 * @throws IllegalStateException past {@link #PRELOAD_CAPACITY} numbers in total
	 */
	public void preload(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Negative count " + count);
		}
		this.state.write((state) -> {
			Instant now = now();
			int added = 0;
			while (added < count) {
				int index = state.numbers().nextPreloadIndex();
				if (index >= PRELOAD_CAPACITY) {
					throw new IllegalStateException("The emulator preloads at most " + PRELOAD_CAPACITY + " numbers");
				}
				String number = NumberStore.preloadNumber(index);
				if (!state.numbers().isOwned(number)) {
					state.numbers()
						.save(new OwnedRecord(EmulatorContext.newSid("PN", state.numbers()::isSidTaken),
								this.accountSid, number, PhoneFormat.friendly(number), Catalog.LOCAL,
								PRELOAD_CAPABILITIES, "none", false, "twilio", Webhooks.NONE, Extras.NONE, now, now));
					added++;
				}
			}
			return null;
		});
	}

	/**
	 * Makes the main account own a number directly, without a purchase, a charge or a
	 * request, e.g. to prepare a release test.
	 * @param phoneNumber the E.164 number, any range
	 * @return the owned number (the existing one when already owned)
	 */
	public OwnedRecord addOwned(String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		if (number == null) {
			throw new IllegalArgumentException("Not a phone number: " + phoneNumber);
		}
		return this.state.write((state) -> {
			Optional<OwnedRecord> existing = state.numbers().findByNumber(number);
			if (existing.isPresent()) {
				return existing.get();
			}
			Catalog.Entry entry = Catalog.find(number);
			Instant now = now();
			OwnedRecord owned = new OwnedRecord(EmulatorContext.newSid("PN", state.numbers()::isSidTaken),
					this.accountSid, number, PhoneFormat.friendly(number),
					(entry != null) ? entry.type() : Catalog.LOCAL,
					(entry != null) ? entry.capabilities() : PRELOAD_CAPABILITIES,
					(entry != null) ? entry.addressRequirements() : "none", entry != null && entry.beta(), "twilio",
					Webhooks.NONE, Extras.NONE, now, now);
			state.numbers().save(owned);
			return owned;
		});
	}

	/**
	 * How many numbers all accounts own.
	 * @return the count
	 */
	public int ownedCount() {
		return this.state.read((state) -> state.numbers().count());
	}

	public Optional<OwnedRecord> owned(String sid) {
		return this.state.read((state) -> state.numbers().find(sid));
	}

	public Optional<OwnedRecord> ownedByNumber(String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		return this.state.read((state) -> state.numbers().findByNumber(number));
	}

	/**
	 * The Messaging Service a number is a sender of.
	 * @param numberSid the number's SID
	 * @return the service's SID, or empty
	 */
	public Optional<String> serviceOf(String numberSid) {
		return this.state.read((state) -> state.messaging().senderOf(numberSid).map(MessagingStore.Sender::serviceSid));
	}

	/**
	 * Every number any account owns, ordered by phone number; copies them all, so meant
	 * for small test inventories.
	 * @return the owned numbers
	 */
	public List<OwnedRecord> ownedNumbers() {
		return this.state.read((state) -> state.numbers().all());
	}

	/**
	 * How many purchases created a number; a repeated purchase of an owned number, a
	 * refused one, {@link #preload(int)} and {@link #addOwned(String)} do not count.
	 * @return the count since creation or {@link #reset()}
	 */
	public int purchaseCount() {
		return this.state.read((state) -> state.numbers().purchases());
	}

	/**
	 * How many authenticated requests reached an operation, faulted ones included.
	 * @param operation the operation
	 * @return the count since creation or {@link #reset()}
	 */
	public int requestCount(Operation operation) {
		return this.requests.get(operation.ordinal());
	}

	/**
	 * The main account's balance in USD, which its subaccounts' purchases are charged to.
	 * @return the balance
	 */
	public BigDecimal balance() {
		return this.state.read((state) -> state.accounts().balance());
	}

	/**
	 * Stops the emulator's injected waits: requests waiting in a latency or a hang are
	 * answered at once (503, 20503) and later ones skip their waits until
	 * {@link #start()}. Called when the server that hosts the emulator shuts down or its
	 * application is stopped (a paused test context too), so no thread sleeps through it.
	 */
	public void stop() {
		this.faults.stop();
	}

	/**
	 * Undoes {@link #stop()}: later requests wait in latency and hangs as the fault plan
	 * says. Called when a stopped application starts again, e.g. a test context the
	 * Spring TestContext framework paused and then restarted for the next test class.
	 */
	public void start() {
		this.faults.start();
	}

	/**
	 * Forgets every subaccount, owned number, address, Messaging Service, count and
	 * fault, and restores the balance.
	 */
	public void reset() {
		this.state.reset(now());
		for (int i = 0; i < this.requests.length(); i++) {
			this.requests.set(i, 0);
		}
		this.faults.clear();
	}

	EmulatorState state() {
		return this.state;
	}

	private EmulatorResponse dispatch(EmulatorRequest request) {
		String path = withoutQuery(request.path());
		AccountRecord caller = this.state.read((state) -> state.accounts().authenticate(request.authorization()));
		if (caller == null) {
			return EmulatorContext.error(401, 20003, "Authenticate",
					Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""));
		}
		RouteTable.Match match = this.routes.match(path);
		if (match == null) {
			return EmulatorContext.error(TwilioErrorException.notFound(path));
		}
		AccountRecord account;
		try {
			account = actingOn(caller, match.parameter(RouteTable.ACCOUNT), path);
		}
		catch (TwilioErrorException ex) {
			return EmulatorContext.error(ex);
		}
		RouteTable.Endpoint endpoint = match.route().endpoint(request.method());
		if (endpoint == null) {
			return EmulatorContext.error(405, 20004, "Method not allowed",
					Map.of("Allow", match.route().allowedMethods()));
		}
		Operation operation = endpoint.operation();
		this.requests.incrementAndGet(operation.ordinal());
		TwilioHost host = match.route().host();
		Call call = new Call(operation, request, host, path.substring(host.prefix().length()), match, caller, account);
		Fault fault = this.faults.nextFault(operation).orElse(null);
		if (fault == null) {
			return execute(endpoint, call);
		}
		return switch (fault) {
			case TOO_MANY_REQUESTS -> EmulatorContext.error(429, 20429, "Too Many Requests", Map.of());
			case SERVER_ERROR -> EmulatorContext.error(500, 20500, "Internal Server Error", Map.of());
			case SERVICE_UNAVAILABLE -> EmulatorContext.error(503, 20503, "Service Unavailable", Map.of());
			case TIMEOUT -> this.faults.await(this.faults.hangFor()) ? execute(endpoint, call) : interrupted();
			case DROP_AFTER_COMMIT -> execute(endpoint, call).dropped();
		};
	}

	private static EmulatorResponse execute(RouteTable.Endpoint endpoint, Call call) {
		try {
			return endpoint.handler().handle(call);
		}
		catch (TwilioErrorException ex) {
			return EmulatorContext.error(ex);
		}
	}

	/**
	 * The account a request acts on: the one its path names, which must be the caller or
	 * one of the caller's subaccounts, else the caller.
	 */
	private AccountRecord actingOn(AccountRecord caller, String pathAccountSid, String path) {
		if (pathAccountSid == null || pathAccountSid.equals(caller.sid())) {
			return caller;
		}
		AccountRecord account = this.state.read((state) -> state.accounts().find(pathAccountSid))
			.orElseThrow(() -> TwilioErrorException.notFound(path));
		if (!account.ownerSid().equals(caller.sid())) {
			throw TwilioErrorException.permissionDenied();
		}
		return account;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static String withoutQuery(String path) {
		if (path == null) {
			return "";
		}
		int question = path.indexOf('?');
		return (question >= 0) ? path.substring(0, question) : path;
	}

	private static EmulatorResponse interrupted() {
		return EmulatorContext.error(503, 20503, "Service Unavailable", Map.of());
	}

}
