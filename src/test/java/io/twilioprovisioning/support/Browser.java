package io.twilioprovisioning.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright for Java, without any browser download. The
 * executable comes from {@code PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH} or the usual Debian
 * paths. When none is installed the browser tests are skipped, unless
 * {@code BROWSER_TESTS_REQUIRED=1} (set by {@code .ci/run}) makes that a failure.
 *
 * <p>
 * A test class registers one on a field
 * ({@code @RegisterExtension final Browser browser =
 * new Browser();}, with {@code @TestInstance(PER_CLASS)}): it is launched before the
 * class's tests, with {@link #SCREENSHOTS} made, and closed after them.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

	/** Where the tests write the screenshots the README shows. */
	public static final Path SCREENSHOTS = Path.of("docs", "screenshots");

	/**
	 * How long an action or an assertion waits for the page at most: generous, since a
	 * busy machine may be slow; a passing test never waits it out.
	 */
	private static final int WAIT_MILLIS = 60_000;

	private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
			"/usr/bin/google-chrome");

	private @Nullable Playwright playwright;

	private com.microsoft.playwright.@Nullable Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Path executable = executable();
		PlaywrightAssertions.setDefaultAssertionTimeout(WAIT_MILLIS);
		this.playwright = Playwright.create();
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-dev-shm-usage")));
		Files.createDirectories(SCREENSHOTS);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	static Path executable() {
		String configured = System.getenv("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH");
		if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
			return Path.of(configured);
		}
		for (String candidate : CANDIDATES) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		if ("1".equals(System.getenv("BROWSER_TESTS_REQUIRED"))) {
			throw new IllegalStateException("Chromium is required for the browser tests but was not found");
		}
		Assumptions.abort("Chromium is not installed; browser tests skipped (apt-get install -y chromium)");
		return null;
	}

	/**
	 * A fresh page in its own context (cookies), at a laptop or phone width.
	 */
	public Page newPage(int width, int height) {
		if (this.browser == null) {
			throw new IllegalStateException("The browser is launched before the test class's tests");
		}
		BrowserContext context = this.browser.newContext(new NewContextOptions().setViewportSize(width, height));
		context.setDefaultTimeout(WAIT_MILLIS);
		Page page = context.newPage();
		page.onConsoleMessage((message) -> {
			if ("error".equals(message.type()) || "warning".equals(message.type())) {
				System.out.println("[browser " + message.type() + "] " + message.text());
			}
		});
		page.onPageError((error) -> System.out.println("[browser page error] " + error));
		return page;
	}

	/**
	 * Fills the sign-in form the page shows and sends it.
	 */
	public static void signIn(Page page, String email, String password) {
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	/**
	 * Signs in as the first admin the test server creates.
	 */
	public static void signInAsAdmin(Page page) {
		signIn(page, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

}
