package io.twilioprovisioning.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.support.RawHttp;
import io.twilioprovisioning.support.MutableClock;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Login throttling with the default limits (5 wrong passwords per account and address, 10
 * per account, 10 per address, per minute): guessing stays slow, but a guesser cannot
 * keep the real user out. Time moves on a test clock; addresses are documentation ranges
 * set on mock requests, and loopback addresses on real connections.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "provisioning.login.source-limit=10", "provisioning.login.account-limit=10",
				"provisioning.login.account-source-limit=5", "provisioning.login.window=1m" })
@Import(LoginThrottlingTests.TestClockConfiguration.class)
class LoginThrottlingTests {

	static final String PASSWORD = "the-right-password-1";

	static final String API = "/api/admin/users";

	@Autowired
	WebApplicationContext context;

	@Autowired
	UserManagement users;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	LoginProperties properties;

	@LocalServerPort
	int port;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	String newAdmin() {
		String email = "admin-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, PASSWORD, Role.ADMIN);
		return email;
	}

	static String address(int a, int b) {
		return "198.51." + a + "." + b;
	}

	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	MockHttpServletResponse formLogin(String email, String password, String address, Cookie... cookies)
			throws Exception {
		var request = post("/login").param("email", email).param("password", password).with(csrf()).with(from(address));
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse basic(String email, String password, String address) throws Exception {
		return this.mvc.perform(get(API).with(httpBasic(email, password)).with(from(address)))
			.andReturn()
			.getResponse();
	}

	@Test
	void wrongPasswordsFromOneAddressDoNotKeepTheRealAdminOutAtAnother() throws Exception {
		String admin = newAdmin();
		String attacker = address(1, 1);
		for (int i = 0; i < 15; i++) {
			formLogin(admin, "guess-" + i, attacker);
			basic(admin, "guess-b-" + i, attacker);
		}
		assertThat(basic(admin, PASSWORD, attacker).getStatus()).as("the guesser is held back").isEqualTo(429);

		String office = address(1, 2);
		assertThat(formLogin(admin, PASSWORD, office).getRedirectedUrl()).isEqualTo("/");
		assertThat(basic(admin, PASSWORD, address(1, 3)).getStatus()).isEqualTo(200);
	}

	@Test
	void oneAccountFromOneAddressGetsAHandfulOfTriesPerMinute() throws Exception {
		String admin = newAdmin();
		String guesser = address(2, 1);
		for (int i = 0; i < 5; i++) {
			assertThat(basic(admin, "guess-" + i, guesser).getStatus()).isEqualTo(401);
		}
		MockHttpServletResponse throttled = basic(admin, PASSWORD, guesser);
		assertThat(throttled.getStatus()).as("even the right password is not checked").isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("12");
		assertThat(throttled.getContentType()).startsWith("application/problem+json");
		assertThat(throttled.getContentAsString()).contains("too-many-login-attempts").contains("12 seconds");
		assertThat(formLogin(admin, PASSWORD, guesser).getRedirectedUrl()).isEqualTo("/login?wait=12");

		this.clock.advance(Duration.ofSeconds(12));
		assertThat(basic(admin, "one-more-guess", guesser).getStatus()).as("one try per 12 s").isEqualTo(401);
		assertThat(basic(admin, "and-another", guesser).getStatus()).isEqualTo(429);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(basic(admin, PASSWORD, guesser).getStatus()).isEqualTo(200);
	}

	@Test
	void theLoginPageSaysToWaitWithoutSayingWhetherTheAccountExists() throws Exception {
		String page = this.mvc.perform(get("/login").param("wait", "12"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Too many sign-in attempts from here or for this account. Wait 12 seconds");
		assertThat(this.mvc.perform(get("/login").param("wait", "<b>")).andReturn().getResponse().getContentAsString())
			.contains("Wait 60 seconds")
			.doesNotContain("<b>");
	}

	@Test
	void oneAddressTryingManyAccountsIsThrottled() throws Exception {
		String sprayer = address(3, 1);
		for (int i = 0; i < 10; i++) {
			assertThat(basic("nobody-" + i + "@test.local", "guess", sprayer).getStatus()).isEqualTo(401);
		}
		assertThat(basic("nobody-11@test.local", "guess", sprayer).getStatus()).isEqualTo(429);
		assertThat(formLogin(newAdmin(), PASSWORD, sprayer).getRedirectedUrl()).startsWith("/login?wait=");
		assertThat(basic("nobody-11@test.local", "guess", address(3, 2)).getStatus()).isEqualTo(401);
	}

	@Test
	void unknownDisabledAndExistingAccountsLookTheSameUntilThePasswordIsRight() throws Exception {
		String existing = newAdmin();
		String disabled = newAdmin();
		this.users.disable(this.users.findByEmail(disabled).orElseThrow().id(), "someone-else@test.local");
		String unknown = "nobody-" + UUID.randomUUID() + "@test.local";
		List<String> answers = new ArrayList<>();
		int n = 0;
		for (String email : List.of(existing, disabled, unknown)) {
			n++;
			MockHttpServletResponse wrong = basic(email, "wrong", address(4, n));
			answers.add(wrong.getStatus() + " " + wrong.getContentAsString().replace(API, ""));
			answers.add(formLogin(email, "wrong", address(4, n)).getRedirectedUrl());
			for (int i = 0; i < 4; i++) {
				basic(email, "wrong-" + i, address(4, n));
			}
			MockHttpServletResponse throttled = basic(email, "wrong", address(4, n));
			answers.add(throttled.getStatus() + " " + throttled.getHeader("Retry-After") + " "
					+ throttled.getContentAsString());
		}
		assertThat(answers.subList(0, 3)).isEqualTo(answers.subList(3, 6)).isEqualTo(answers.subList(6, 9));
		assertThat(answers).noneMatch((answer) -> answer.contains("disabled") || answer.contains("locked"));

		assertThat(formLogin(disabled, PASSWORD, address(4, 9)).getRedirectedUrl()).isEqualTo("/login?disabled");
		assertThat(basic(disabled, PASSWORD, address(4, 9)).getContentAsString()).contains("disabled");
	}

	@Test
	void guessesFromManyAddressesAreLimitedPerAccountButABrowserThatSignedInBeforeStillGetsIn() throws Exception {
		String admin = newAdmin();
		MockHttpServletResponse first = formLogin(admin, PASSWORD, address(5, 1));
		Cookie device = first.getCookie(LoginDetails.DEVICE_COOKIE);
		assertThat(device).isNotNull();
		assertThat(device.isHttpOnly()).isTrue();
		assertThat(device.getPath()).isEqualTo("/login");

		for (int i = 0; i < 10; i++) {
			assertThat(basic(admin, "guess", address(6, i)).getStatus()).isEqualTo(401);
		}
		assertThat(basic(admin, "guess", address(6, 99)).getStatus()).as("a handful per account per minute")
			.isEqualTo(429);
		assertThat(formLogin(admin, PASSWORD, address(7, 1)).getRedirectedUrl())
			.as("a new browser waits while the account is under attack from many addresses")
			.startsWith("/login?wait=");
		assertThat(formLogin(admin, PASSWORD, address(7, 2), device).getRedirectedUrl())
			.as("the admin's own browser, anywhere")
			.isEqualTo("/");
	}

	@Test
	void aDeviceCookieIsThrottledOnItsOwnAndOnlyForItsAccount() throws Exception {
		String admin = newAdmin();
		Cookie device = formLogin(admin, PASSWORD, address(8, 1)).getCookie(LoginDetails.DEVICE_COOKIE);
		for (int i = 0; i < 5; i++) {
			formLogin(admin, "stolen-cookie-guess-" + i, address(8, 2 + i), device);
		}
		assertThat(formLogin(admin, PASSWORD, address(8, 20), device).getRedirectedUrl()).startsWith("/login?wait=");
		assertThat(formLogin(admin, PASSWORD, address(8, 21)).getRedirectedUrl()).as("without it, other buckets")
			.isEqualTo("/");
		String other = newAdmin();
		for (int i = 0; i < 5; i++) {
			formLogin(other, "guess-" + i, address(8, 30), device);
		}
		assertThat(formLogin(other, PASSWORD, address(8, 30), device).getRedirectedUrl())
			.as("the cookie is not known for this account: the address counts")
			.startsWith("/login?wait=");
	}

	@Test
	void limitsHoldAcrossInstancesSharingTheDatabase() {
		LoginThrottle one = new LoginThrottle(this.jdbc, this.transactions, this.properties, this.clock);
		LoginThrottle two = new LoginThrottle(this.jdbc, this.transactions, this.properties, this.clock);
		String email = "shared-" + UUID.randomUUID() + "@test.local";
		for (int i = 0; i < 5; i++) {
			one.reserve(email, address(9, 1), null);
		}
		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> two.reserve(email, address(9, 1), null));
	}

	@Test
	void parallelAttemptsNeverTakeMoreThanTheLimit() throws Exception {
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactions, this.properties, this.clock);
		String email = "parallel-" + UUID.randomUUID() + "@test.local";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		Callable<Boolean> attempt = () -> {
			start.await();
			try {
				throttle.reserve(email, address(10, 1), null);
				return true;
			}
			catch (LoginThrottledException ex) {
				return false;
			}
		};
		for (int i = 0; i < 24; i++) {
			attempts.add(pool.submit(attempt));
		}
		start.countDown();
		int taken = 0;
		for (Future<Boolean> future : attempts) {
			taken += future.get(60, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();
		assertThat(taken).isEqualTo(5);
	}

	@Test
	void aRightPasswordGivesItsSlotsBack() throws Exception {
		String admin = newAdmin();
		String typist = address(11, 1);
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(basic(admin, "typo-" + i, typist).getStatus()).isEqualTo(401);
			}
			this.clock.advance(Duration.ofMinutes(5));
			assertThat(basic(admin, PASSWORD, typist).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void distinctLoopbackAddressesAreDistinctSourcesOnARealConnection() {
		String admin = newAdmin();
		Map<String, String> wrong = Map.of("Authorization", basicHeader(admin, "wrong"), "Accept", "application/json");
		for (int i = 0; i < 5; i++) {
			assertThat(RawHttp.to(this.port).from("127.0.0.2").get(API, wrong).status()).isEqualTo(401);
		}
		RawHttp.Response throttled = RawHttp.to(this.port)
			.from("127.0.0.2")
			.get(API, Map.of("Authorization", basicHeader(admin, PASSWORD)));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Retry-After")).hasValue("12");
		assertThat(RawHttp.to(this.port)
			.from("127.0.0.3")
			.get(API, Map.of("Authorization", basicHeader(admin, PASSWORD)))
			.status()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordDeletesABatchOfEmptyBuckets() throws Exception {
		basic(newAdmin(), "wrong", address(12, 1));
		this.clock.advance(Duration.ofHours(1));
		long before = emptyBuckets();
		assertThat(before).isPositive();
		basic("nobody-" + UUID.randomUUID() + "@test.local", "wrong", address(12, 2));
		assertThat(emptyBuckets()).isEqualTo(Math.max(0, before - LoginThrottle.CLEANUP_BATCH));
	}

	long emptyBuckets() {
		return this.jdbc.sql("SELECT count(*) FROM login_throttle WHERE tat < :now")
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.single();
	}

	static String basicHeader(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClockConfiguration {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
		}

	}

}
