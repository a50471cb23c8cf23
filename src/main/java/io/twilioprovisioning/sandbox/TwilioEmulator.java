package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;
import io.twilioprovisioning.sandbox.OwnedRecord.Extras;
import io.twilioprovisioning.sandbox.OwnedRecord.Webhooks;

/**
 * An emulated Twilio account behind the 2010-04-01 REST endpoints this service calls,
 * independent of any HTTP server: a transport turns an HTTP request into an
 * {@link EmulatorRequest} and writes back the {@link EmulatorResponse}. It keeps the
 * numbers the account owns, sells numbers from fictional ranges only, answers with
 * Twilio's shapes and error codes, honours Twilio's test magic numbers and injects the
 * faults of its {@link FaultPlan}. Thread-safe.
 *
 * <p>
 * Conventions where Twilio's behaviour is not documented: a path whose account SID is not
 * this account's answers 404 (20404), as for any resource the caller cannot see; a
 * released number can be bought again at once; a purchase of a number the account already
 * owns answers 201 with the existing resource and charges nothing.
 */
public final class TwilioEmulator {

	/**
	 * Account SID of the sandbox unless configured: valid shape ({@code AC} + 32 hex),
	 * obviously not a real account ({@code 5a4db0c5}, "sandbox", then zeros).
	 */
	public static final String DEFAULT_ACCOUNT_SID = "AC5a4db0c5000000000000000000000000";

	/** Auth token of the sandbox unless configured; not a secret, never a real token. */
	public static final String DEFAULT_AUTH_TOKEN = "sandbox0auth0token0not0a0secret0";

	/** What each purchase takes off the balance, in USD. */
	public static final BigDecimal PRICE_PER_NUMBER = new BigDecimal("1.15");

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

	private static final Catalog.Entry MAGIC_ENTRY = new Catalog.Entry(MAGIC_AVAILABLE,
			PhoneFormat.friendly(MAGIC_AVAILABLE), Catalog.LOCAL, "US", MAGIC_AREA_CODE, null, null, null, null, null,
			null, null, "none", false, new Capabilities(true, true, true, false));

	private static final Capabilities PRELOAD_CAPABILITIES = new Capabilities(true, true, true, false);

	private static final HexFormat HEX = HexFormat.of();

	private final String accountSid;

	private final byte[] credentials;

	private final Clock clock;

	private final Instant accountCreated;

	private final FaultPlan faults = new FaultPlan();

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private final TreeMap<String, OwnedRecord> byNumber = new TreeMap<>();

	private final Map<String, OwnedRecord> bySid = new HashMap<>();

	private final AtomicIntegerArray requests = new AtomicIntegerArray(Operation.values().length);

	private final AtomicInteger inFlight = new AtomicInteger();

	private BigDecimal balance = INITIAL_BALANCE;

	private int purchases;

	private int preloadCursor;

	public TwilioEmulator(String accountSid, String authToken) {
		this(accountSid, authToken, Clock.systemUTC());
	}

	/**
	 * An emulator whose dates come from the given clock.
	 * @param accountSid the account SID ({@code AC} + 32 hex) clients must use
	 * @param authToken the auth token clients must use
	 * @param clock the clock for {@code date_created}/{@code date_updated}
	 */
	public TwilioEmulator(String accountSid, String authToken, Clock clock) {
		if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) {
			throw new IllegalArgumentException("The account SID must be AC followed by 32 hex digits");
		}
		if (authToken == null || authToken.isBlank()) {
			throw new IllegalArgumentException("The auth token must not be blank");
		}
		this.accountSid = accountSid;
		this.credentials = (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8);
		this.clock = clock;
		this.accountCreated = clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * An emulator with {@link #DEFAULT_ACCOUNT_SID} and {@link #DEFAULT_AUTH_TOKEN}.
	 * @return a new emulator
	 */
	public static TwilioEmulator withDefaultCredentials() {
		return new TwilioEmulator(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
	}

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
			EmulatorResponse response = this.faults.await(this.faults.nextLatency()) ? dispatch(request)
					: interrupted();
			Map<String, String> headers = new LinkedHashMap<>(response.headers());
			if (response.hasBody()) {
				headers.put("Content-Type", "application/json; charset=utf-8");
			}
			headers.put("Twilio-Request-Id", "RQ" + randomHex());
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
	 * Adds numbers the account owns without charging for them, e.g. to benchmark paging.
	 * They come from exchange 555 of the NANP expansion area codes N9X (290–299, 390–399,
	 * … 990–999), which are never in service and never sold by the emulator.
	 * @param count how many to add
	 * @throws IllegalStateException past {@link #PRELOAD_CAPACITY} numbers in total
	 */
	public void preload(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Negative count " + count);
		}
		this.lock.writeLock().lock();
		try {
			Instant now = now();
			int added = 0;
			while (added < count) {
				if (this.preloadCursor >= PRELOAD_CAPACITY) {
					throw new IllegalStateException("The emulator preloads at most " + PRELOAD_CAPACITY + " numbers");
				}
				String number = preloadNumber(this.preloadCursor++);
				if (!this.byNumber.containsKey(number)) {
					store(new OwnedRecord(newSid(), this.accountSid, number, PhoneFormat.friendly(number),
							Catalog.LOCAL, PRELOAD_CAPABILITIES, "none", false, "twilio", Webhooks.NONE, Extras.NONE,
							now, now));
					added++;
				}
			}
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * Makes the account own a number directly, without a purchase, a charge or a request,
	 * e.g. to prepare a release test.
	 * @param phoneNumber the E.164 number, any range
	 * @return the owned number (the existing one when already owned)
	 */
	public OwnedRecord addOwned(String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		if (number == null) {
			throw new IllegalArgumentException("Not a phone number: " + phoneNumber);
		}
		this.lock.writeLock().lock();
		try {
			OwnedRecord existing = this.byNumber.get(number);
			if (existing != null) {
				return existing;
			}
			Catalog.Entry entry = Catalog.find(number);
			Instant now = now();
			OwnedRecord owned = new OwnedRecord(newSid(), this.accountSid, number, PhoneFormat.friendly(number),
					(entry != null) ? entry.type() : Catalog.LOCAL,
					(entry != null) ? entry.capabilities() : PRELOAD_CAPABILITIES,
					(entry != null) ? entry.addressRequirements() : "none", entry != null && entry.beta(), "twilio",
					Webhooks.NONE, Extras.NONE, now, now);
			store(owned);
			return owned;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	public int ownedCount() {
		this.lock.readLock().lock();
		try {
			return this.bySid.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	public Optional<OwnedRecord> owned(String sid) {
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable(this.bySid.get(sid));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	public Optional<OwnedRecord> ownedByNumber(String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable((number != null) ? this.byNumber.get(number) : null);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Every owned number, ordered by phone number; copies them all, so meant for small
	 * test inventories.
	 * @return the owned numbers
	 */
	public List<OwnedRecord> ownedNumbers() {
		this.lock.readLock().lock();
		try {
			return List.copyOf(this.byNumber.values());
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * How many purchases created a number; a repeated purchase of an owned number, a
	 * refused one, {@link #preload(int)} and {@link #addOwned(String)} do not count.
	 * @return the count since creation or {@link #reset()}
	 */
	public int purchaseCount() {
		this.lock.readLock().lock();
		try {
			return this.purchases;
		}
		finally {
			this.lock.readLock().unlock();
		}
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
	 * The account balance in USD.
	 * @return the balance
	 */
	public BigDecimal balance() {
		this.lock.readLock().lock();
		try {
			return this.balance;
		}
		finally {
			this.lock.readLock().unlock();
		}
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
	 * Forgets every owned number, count and fault, and restores the balance.
	 */
	public void reset() {
		this.lock.writeLock().lock();
		try {
			this.byNumber.clear();
			this.bySid.clear();
			this.balance = INITIAL_BALANCE;
			this.purchases = 0;
			this.preloadCursor = 0;
			for (int i = 0; i < this.requests.length(); i++) {
				this.requests.set(i, 0);
			}
			this.faults.clear();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private EmulatorResponse dispatch(EmulatorRequest request) {
		String path = withoutQuery(request.path());
		if (!authenticated(request.authorization())) {
			return error(401, 20003, "Authenticate", Map.of("WWW-Authenticate", "Basic realm=\"Twilio API\""));
		}
		Route route = Route.parse(request.method(), path);
		if (route == null || !route.accountSid().equals(this.accountSid)) {
			return error(TwilioErrorException.notFound(path));
		}
		if (route.operation() == null) {
			return error(405, 20004, "Method not allowed", Map.of("Allow", route.allowedMethods()));
		}
		Operation operation = route.operation();
		this.requests.incrementAndGet(operation.ordinal());
		Fault fault = this.faults.nextFault(operation).orElse(null);
		if (fault == null) {
			return execute(route, request, path);
		}
		return switch (fault) {
			case TOO_MANY_REQUESTS -> error(429, 20429, "Too Many Requests", Map.of());
			case SERVER_ERROR -> error(500, 20500, "Internal Server Error", Map.of());
			case SERVICE_UNAVAILABLE -> error(503, 20503, "Service Unavailable", Map.of());
			case TIMEOUT -> this.faults.await(this.faults.hangFor()) ? execute(route, request, path) : interrupted();
			case DROP_AFTER_COMMIT -> execute(route, request, path).dropped();
		};
	}

	private EmulatorResponse execute(Route route, EmulatorRequest request, String path) {
		try {
			return switch (route.operation()) {
				case ACCOUNT -> ok(200, account());
				case BALANCE -> ok(200, balanceJson());
				case SEARCH -> search(route, request, path);
				case LIST -> list(route, request, path);
				case PURCHASE -> purchase(route, request);
				case FETCH -> ok(200, TwilioJson.incomingNumber(require(route.name(), path)));
				case UPDATE -> ok(200, TwilioJson.incomingNumber(update(route.name(), request, path)));
				case RELEASE -> release(route.name(), path);
			};
		}
		catch (TwilioErrorException ex) {
			return error(ex);
		}
	}

	private Map<String, Object> account() {
		String uri = TwilioJson.accountPath(this.accountSid);
		Map<String, Object> subresources = new LinkedHashMap<>();
		subresources.put("available_phone_numbers", uri + "/AvailablePhoneNumbers.json");
		subresources.put("incoming_phone_numbers", uri + "/IncomingPhoneNumbers.json");
		subresources.put("balance", uri + "/Balance.json");
		subresources.put("addresses", uri + "/Addresses.json");
		subresources.put("applications", uri + "/Applications.json");
		subresources.put("calls", uri + "/Calls.json");
		subresources.put("messages", uri + "/Messages.json");
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("date_created", TwilioJson.date(this.accountCreated));
		json.put("date_updated", TwilioJson.date(this.accountCreated));
		json.put("friendly_name", "Sandbox account");
		json.put("owner_account_sid", this.accountSid);
		json.put("sid", this.accountSid);
		json.put("status", "active");
		json.put("subresource_uris", subresources);
		json.put("type", "Full");
		json.put("uri", uri + ".json");
		return json;
	}

	private Map<String, Object> balanceJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("account_sid", this.accountSid);
		json.put("balance", balance().setScale(2, RoundingMode.HALF_UP).toPlainString());
		json.put("currency", "USD");
		return json;
	}

	private EmulatorResponse search(Route route, EmulatorRequest request, String path) {
		if (!NumberSearch.isKnownCountry(route.country()) || !NumberSearch.isKnownType(route.name())) {
			throw TwilioErrorException.notFound(path);
		}
		List<Catalog.Entry> found;
		this.lock.readLock().lock();
		try {
			found = NumberSearch.search(route.country(), route.name(), request, this.byNumber::containsKey);
		}
		finally {
			this.lock.readLock().unlock();
		}
		int pageSize = NumberSearch.pageSize(request.queryParam("PageSize"));
		String uri = path + "?" + query(request.query());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("available_phone_numbers", found.stream().map(TwilioJson::availableNumber).toList());
		json.put("end", Math.max(0, found.size() - 1));
		json.put("first_page_uri", uri);
		json.put("next_page_uri", null);
		json.put("page", 0);
		json.put("page_size", pageSize);
		json.put("previous_page_uri", null);
		json.put("start", 0);
		json.put("uri", uri);
		return ok(200, json);
	}

	private EmulatorResponse list(Route route, EmulatorRequest request, String path) {
		int pageSize = NumberSearch.pageSize(request.queryParam("PageSize"));
		int page = pageIndex(request.queryParam("Page"));
		String token = request.queryParam("PageToken");
		if (token != null && !token.matches("P[AB]\\d{7,15}")) {
			throw TwilioErrorException.badRequest(21481, "Invalid PageToken");
		}
		String filters = listFilters(request);
		Predicate<OwnedRecord> filter = listFilter(route, request);
		String phoneNumber = request.queryParam("PhoneNumber");
		List<OwnedRecord> items = new ArrayList<>(pageSize);
		boolean hasMore = false;
		this.lock.readLock().lock();
		try {
			Collection<OwnedRecord> source;
			boolean backwards = token != null && token.startsWith("PB");
			if (NumberPattern.isExact(phoneNumber)) {
				OwnedRecord exact = this.byNumber.get(phoneNumber.strip());
				source = (exact != null) ? List.of(exact) : List.of();
			}
			else if (token == null) {
				source = this.byNumber.values();
			}
			else {
				String key = "+" + token.substring(2);
				source = backwards ? this.byNumber.headMap(key, false).descendingMap().values()
						: this.byNumber.tailMap(key, false).values();
			}
			long skip = (token == null) ? (long) page * pageSize : 0;
			Iterator<OwnedRecord> iterator = source.iterator();
			while (iterator.hasNext()) {
				OwnedRecord number = iterator.next();
				if (!filter.test(number)) {
					continue;
				}
				if (skip > 0) {
					skip--;
				}
				else if (items.size() < pageSize) {
					items.add(number);
				}
				else {
					hasMore = true;
					break;
				}
			}
			if (backwards) {
				Collections.reverse(items);
				hasMore = true;
			}
		}
		finally {
			this.lock.readLock().unlock();
		}
		String base = path + "?" + filters + "PageSize=" + pageSize;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("end", items.isEmpty() ? page * pageSize : page * pageSize + items.size() - 1);
		json.put("first_page_uri", base + "&Page=0");
		json.put("incoming_phone_numbers", items.stream().map(TwilioJson::incomingNumber).toList());
		json.put("next_page_uri", (hasMore && !items.isEmpty())
				? base + "&Page=" + (page + 1) + "&PageToken=PA" + digits(items.get(items.size() - 1)) : null);
		json.put("page", page);
		json.put("page_size", pageSize);
		json.put("previous_page_uri", (page > 0 && !items.isEmpty())
				? base + "&Page=" + (page - 1) + "&PageToken=PB" + digits(items.get(0)) : null);
		json.put("start", page * pageSize);
		json.put("uri", base + "&Page=" + page + ((token != null) ? "&PageToken=" + token : ""));
		return ok(200, json);
	}

	private Predicate<OwnedRecord> listFilter(Route route, EmulatorRequest request) {
		Predicate<OwnedRecord> filter = (number) -> true;
		if (route.name() != null) {
			String type = switch (route.name()) {
				case "TollFree" -> Catalog.TOLL_FREE;
				case "Mobile" -> Catalog.MOBILE;
				default -> Catalog.LOCAL;
			};
			filter = filter.and((number) -> number.type().equals(type));
		}
		String phoneNumber = request.queryParam("PhoneNumber");
		if (phoneNumber != null && !phoneNumber.isBlank() && !NumberPattern.isExact(phoneNumber)) {
			NumberPattern pattern = NumberPattern.compile(phoneNumber);
			filter = filter.and((number) -> pattern.matches(number.phoneNumber()));
		}
		String friendlyName = request.queryParam("FriendlyName");
		if (friendlyName != null) {
			filter = filter.and((number) -> friendlyName.equals(number.friendlyName()));
		}
		if (NumberSearch.isFalse(request.queryParam("Beta"))) {
			filter = filter.and((number) -> !number.beta());
		}
		String origin = request.queryParam("Origin");
		if (origin != null && !origin.isBlank()) {
			filter = filter.and((number) -> number.origin().equalsIgnoreCase(origin.strip()));
		}
		return filter;
	}

	private static String listFilters(EmulatorRequest request) {
		StringBuilder filters = new StringBuilder();
		for (String name : List.of("PhoneNumber", "FriendlyName", "Beta", "Origin")) {
			String value = request.queryParam(name);
			if (value != null) {
				filters.append(name).append('=').append(encode(value)).append('&');
			}
		}
		return filters.toString();
	}

	private EmulatorResponse purchase(Route route, EmulatorRequest request) {
		String phoneNumber = blankToNull(request.formParam("PhoneNumber"));
		String areaCode = blankToNull(request.formParam("AreaCode"));
		if (route.name() != null && areaCode != null) {
			throw TwilioErrorException.badRequest(21457, "AreaCode parameter not supported for this endpoint");
		}
		if (phoneNumber == null && areaCode == null) {
			throw TwilioErrorException.badRequest(21421, "A PhoneNumber or an AreaCode is required");
		}
		if (phoneNumber != null && areaCode != null) {
			throw TwilioErrorException.badRequest(21421, "Send either a PhoneNumber or an AreaCode, not both");
		}
		String friendlyName = NumberSettings.friendlyName(request);
		Webhooks webhooks = NumberSettings.webhooks(Webhooks.NONE, request);
		Extras extras = NumberSettings.extras(Extras.NONE, request);
		this.lock.writeLock().lock();
		try {
			Catalog.Entry entry = (phoneNumber != null) ? entryForNumber(phoneNumber) : entryForAreaCode(areaCode);
			OwnedRecord existing = this.byNumber.get(entry.phoneNumber());
			if (existing != null) {
				return ok(201, TwilioJson.incomingNumber(existing));
			}
			Instant now = now();
			OwnedRecord bought = new OwnedRecord(newSid(), this.accountSid, entry.phoneNumber(),
					(friendlyName != null && !friendlyName.isBlank()) ? friendlyName : entry.friendlyName(),
					entry.type(), entry.capabilities(), entry.addressRequirements(), entry.beta(), "twilio", webhooks,
					extras, now, now);
			store(bought);
			this.purchases++;
			this.balance = this.balance.subtract(PRICE_PER_NUMBER);
			return ok(201, TwilioJson.incomingNumber(bought));
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private Catalog.Entry entryForNumber(String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		if (number == null || number.equals(MAGIC_INVALID)) {
			throw TwilioErrorException.badRequest(21421, "PhoneNumber " + phoneNumber + " is invalid");
		}
		if (number.equals(MAGIC_AVAILABLE)) {
			return MAGIC_ENTRY;
		}
		Catalog.Entry entry = Catalog.find(number);
		if (entry == null && this.byNumber.containsKey(number)) {
			OwnedRecord owned = this.byNumber.get(number);
			return new Catalog.Entry(number, owned.friendlyName(), owned.type(), null, null, null, null, null, null,
					null, null, null, owned.addressRequirements(), owned.beta(), owned.capabilities());
		}
		if (entry == null) {
			throw TwilioErrorException.badRequest(21422, "PhoneNumber " + number + " is not available");
		}
		return entry;
	}

	private Catalog.Entry entryForAreaCode(String areaCode) {
		String code = areaCode.strip();
		if (!code.matches("[2-9]\\d\\d")) {
			throw TwilioErrorException.badRequest(21451, "AreaCode " + areaCode + " is not a valid area code");
		}
		if (code.equals(MAGIC_AREA_CODE)) {
			return MAGIC_ENTRY;
		}
		if (!code.equals(MAGIC_EMPTY_AREA_CODE)) {
			for (Catalog.Entry entry : Catalog.entries()) {
				if (code.equals(entry.areaCode()) && !this.byNumber.containsKey(entry.phoneNumber())) {
					return entry;
				}
			}
		}
		throw TwilioErrorException.badRequest(21452, "No phone numbers found in area code " + code);
	}

	private OwnedRecord update(String sid, EmulatorRequest request, String path) {
		String friendlyName = NumberSettings.friendlyName(request);
		String newOwner = request.formParam("AccountSid");
		if (newOwner != null && !newOwner.isBlank() && !newOwner.strip().equals(this.accountSid)) {
			throw TwilioErrorException.badRequest(newOwner.strip().matches("AC[0-9a-fA-F]{32}") ? 21473 : 21470,
					"AccountSid " + newOwner.strip() + " is not related to the originating owner of this number");
		}
		this.lock.writeLock().lock();
		try {
			OwnedRecord current = require(sid, path);
			Webhooks webhooks = NumberSettings.webhooks(current.webhooks(), request);
			Extras extras = NumberSettings.extras(current.extras(), request);
			String name = (friendlyName == null) ? current.friendlyName()
					: (friendlyName.isBlank() ? PhoneFormat.friendly(current.phoneNumber()) : friendlyName);
			OwnedRecord updated = new OwnedRecord(current.sid(), current.accountSid(), current.phoneNumber(), name,
					current.type(), current.capabilities(), current.addressRequirements(), current.beta(),
					current.origin(), webhooks, extras, current.dateCreated(), now());
			store(updated);
			return updated;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private EmulatorResponse release(String sid, String path) {
		this.lock.writeLock().lock();
		try {
			OwnedRecord released = require(sid, path);
			this.bySid.remove(released.sid());
			this.byNumber.remove(released.phoneNumber());
			return new EmulatorResponse(204, "", Map.of());
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	private OwnedRecord require(String sid, String path) {
		this.lock.readLock().lock();
		try {
			OwnedRecord number = this.bySid.get(sid);
			if (number == null) {
				throw TwilioErrorException.notFound(path);
			}
			return number;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void store(OwnedRecord number) {
		this.bySid.put(number.sid(), number);
		this.byNumber.put(number.phoneNumber(), number);
	}

	private boolean authenticated(String authorization) {
		if (authorization == null || authorization.length() < 6
				|| !authorization.substring(0, 6).equalsIgnoreCase("Basic ")) {
			return false;
		}
		try {
			byte[] given = Base64.getDecoder().decode(authorization.substring(6).strip());
			return MessageDigest.isEqual(given, this.credentials);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private String newSid() {
		String sid;
		do {
			sid = "PN" + randomHex();
		}
		while (this.bySid.containsKey(sid));
		return sid;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static String preloadNumber(int index) {
		int block = index / 10_000;
		int areaCode = (2 + block / 10) * 100 + 90 + block % 10;
		return "+1" + areaCode + "555" + String.format(Locale.ROOT, "%04d", index % 10_000);
	}

	private static String randomHex() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
	}

	private static String digits(OwnedRecord number) {
		return number.phoneNumber().substring(1);
	}

	private static int pageIndex(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			int page = Integer.parseInt(value.strip());
			if (page >= 0) {
				return page;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw TwilioErrorException.badRequest(20001, "Page must be a non-negative integer, was " + value);
	}

	private static String query(Map<String, List<String>> parameters) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, values) -> values.forEach((value) -> {
			if (query.length() > 0) {
				query.append('&');
			}
			query.append(encode(name)).append('=').append(encode(value));
		}));
		return query.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String withoutQuery(String path) {
		if (path == null) {
			return "";
		}
		int question = path.indexOf('?');
		return (question >= 0) ? path.substring(0, question) : path;
	}

	private static EmulatorResponse interrupted() {
		return error(503, 20503, "Service Unavailable", Map.of());
	}

	private static EmulatorResponse ok(int status, Map<String, Object> json) {
		return new EmulatorResponse(status, TwilioJson.write(json), Map.of());
	}

	private static EmulatorResponse error(TwilioErrorException ex) {
		return error(ex.status(), ex.code(), ex.getMessage(), Map.of());
	}

	private static EmulatorResponse error(int status, int code, String message, Map<String, String> headers) {
		return new EmulatorResponse(status, TwilioJson.write(TwilioJson.error(status, code, message)), headers);
	}

}
