package io.twilioprovisioning.twilio;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.twilio.http.HttpClient;
import com.twilio.http.TwilioRestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.twilioprovisioning.platform.ProvisioningMode;

/**
 * Where the adapter sends its REST calls and whom it authenticates as: the real Twilio
 * (or {@code TWILIO_API_BASE_URL} and the other hosts' base URLs) with the
 * {@code TWILIO_*} credentials in live mode, or the in-process emulator under
 * {@value #SANDBOX_PATH} (every host under it, see {@link TwilioHosts}) with the
 * {@code sandbox.*} credentials in sandbox mode. Its {@link #toString()} shows no secret.
 */
final class TwilioEndpoint {

	/** Where this application serves the Twilio emulator in sandbox mode. */
	static final String SANDBOX_PATH = "/sandbox/twilio";

	/** Property holding the emulator's account SID ({@code SANDBOX_ACCOUNT_SID}). */
	static final String SANDBOX_ACCOUNT_SID = "sandbox.account-sid";

	/** Property holding the emulator's auth token ({@code SANDBOX_AUTH_TOKEN}). */
	static final String SANDBOX_AUTH_TOKEN = "sandbox.auth-token";

	private static final Logger log = LoggerFactory.getLogger(TwilioEndpoint.class);

	/**
	 * The SDK's mapper, but reading property names case-insensitively: Twilio answers
	 * capabilities as {@code SMS}/{@code MMS} or {@code sms}/{@code mms}.
	 */
	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
		.build();

	private final ProvisioningMode mode;

	private final TwilioHosts hosts;

	private final String baseUrlDescription;

	private final String username;

	private final String password;

	private final String accountSid;

	private TwilioEndpoint(ProvisioningMode mode, TwilioHosts hosts, String baseUrlDescription, String username,
			String password, String accountSid) {
		this.mode = mode;
		this.hosts = hosts;
		this.baseUrlDescription = baseUrlDescription;
		this.username = username;
		this.password = password;
		this.accountSid = accountSid;
	}

	/**
	 * The real Twilio account, with an API key when one is configured, else the auth
	 * token.
	 * @throws IllegalStateException when the credentials are incomplete
	 */
	static TwilioEndpoint live(TwilioProperties properties) {
		properties.requireLiveCredentials();
		String user = properties.usesApiKey() ? properties.apiKey() : properties.accountSid();
		String secret = properties.usesApiKey() ? properties.apiSecret() : properties.authToken();
		TwilioHosts hosts = TwilioHosts.of(properties);
		return new TwilioEndpoint(ProvisioningMode.LIVE, hosts, hosts.describe(), user, secret,
				properties.accountSid());
	}

	/**
	 * The emulator this application serves; its URL is known once the web server has
	 * started, so it is resolved at the first call.
	 */
	static TwilioEndpoint sandbox(Environment environment) {
		String sid = environment.getProperty(SANDBOX_ACCOUNT_SID);
		String token = environment.getProperty(SANDBOX_AUTH_TOKEN);
		if (!StringUtils.hasText(sid) || !StringUtils.hasText(token)) {
			log.warn("Sandbox mode: {} or {} is not set; calls to the Twilio emulator will be refused",
					SANDBOX_ACCOUNT_SID, SANDBOX_AUTH_TOKEN);
		}
		sid = StringUtils.hasText(sid) ? sid.strip() : "";
		token = StringUtils.hasText(token) ? token.strip() : "";
		return new TwilioEndpoint(ProvisioningMode.SANDBOX, TwilioHosts.derivedFrom(new SandboxBaseUrl(environment)),
				"http://127.0.0.1:<server port>" + contextPath(environment) + SANDBOX_PATH
						+ " (messaging, pricing and numbers under it)",
				sid, token, sid);
	}

	ProvisioningMode mode() {
		return this.mode;
	}

	/**
	 * The API base URL now, or {@code null} when it is not known yet.
	 */
	URI baseUrl() {
		try {
			return this.hosts.baseUrl("api");
		}
		catch (TwilioTransportException ex) {
			return null;
		}
	}

	/**
	 * Where the calls for each Twilio host go.
	 */
	TwilioHosts hosts() {
		return this.hosts;
	}

	String accountSid() {
		return this.accountSid;
	}

	/**
	 * The SDK client for this endpoint, sending through the given transport. Never the
	 * static {@code Twilio.init}.
	 */
	TwilioRestClient restClient(HttpClient transport) {
		return new TwilioRestClient.Builder(this.username, this.password).accountSid(this.accountSid)
			.httpClient(transport)
			.objectMapper(MAPPER)
			.build();
	}

	@Override
	public String toString() {
		String auth = (this.username != null && this.username.startsWith("SK"))
				? "API key " + Secrets.maskSid(this.username) : "auth token";
		return this.mode.label() + " mode, base URL " + this.baseUrlDescription + ", account "
				+ Secrets.maskSid(this.accountSid) + ", " + auth;
	}

	private static String contextPath(Environment environment) {
		String path = environment.getProperty("server.servlet.context-path", "").strip();
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return (path.isEmpty() || path.startsWith("/")) ? path : "/" + path;
	}

	/**
	 * {@code http://127.0.0.1:{port}{context path}/sandbox/twilio}, with the port the web
	 * server actually listens on ({@code local.server.port}, set once it has started, so
	 * {@code server.port=0} works), else the configured one.
	 */
	private static final class SandboxBaseUrl implements Supplier<URI> {

		private final Environment environment;

		private final AtomicReference<URI> resolved = new AtomicReference<>();

		SandboxBaseUrl(Environment environment) {
			this.environment = environment;
		}

		@Override
		public URI get() {
			URI known = this.resolved.get();
			if (known != null) {
				return known;
			}
			Integer actual = this.environment.getProperty("local.server.port", Integer.class);
			if (actual != null && actual > 0) {
				URI url = url(actual);
				if (this.resolved.compareAndSet(null, url)) {
					log.info("Twilio adapter: sandbox emulator at {}", url);
				}
				return url;
			}
			Integer configured = this.environment.getProperty("server.port", Integer.class);
			return (configured != null && configured > 0) ? url(configured) : null;
		}

		private URI url(int port) {
			return URI.create("http://127.0.0.1:" + port + contextPath(this.environment) + SANDBOX_PATH);
		}

	}

}
