package io.twilioprovisioning.users;

import java.time.Clock;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import io.twilioprovisioning.platform.SecurityHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three filter chains: the Twilio emulator and inbound webhooks
 * (their own authentication), the JSON API (HTTP Basic, stateless, ProblemDetail for 401,
 * 403 and 429) and the browser pages (form login, session, CSRF).
 *
 * <p>
 * The pages chain denies by default: everything is for admins except an explicit list
 * (sign-in, sign-out, error pages, static files, and the start page for any signed-in
 * user), so a path added later (or a suffix such as {@code /v3/api-docs.yaml}) is never
 * open by accident. Every redirect is relative, never built from the {@code Host} header.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
			"/favicon.svg" };

	static final String[] SWAGGER_UI = { "/swagger-ui/**", "/swagger-ui.html" };

	/** The console's pages: nothing inline, nothing from elsewhere. */
	static final String PAGES_CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/** Swagger UI sets inline styles and data: images; only its own paths allow them. */
	static final String SWAGGER_UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/** JSON answers load nothing and are framed by nobody. */
	static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	VerifiedPasswordCache passwordEncoder(Clock clock) {
		return new VerifiedPasswordCache(new BCryptPasswordEncoder(), Duration.ofMinutes(5), clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain machineToMachine(HttpSecurity http) throws Exception {
		http.securityMatcher("/sandbox/twilio/**", "/webhooks/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> commonHeaders(headers).contentSecurityPolicy((csp) -> csp.policyDirectives(API_CSP)))
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
						.permitAll()
						.requestMatchers("/api/admin/**", "/actuator/**")
						.hasRole(Role.ADMIN.name())
						.anyRequest()
						.authenticated())
			.httpBasic((basic) -> basic.realmName("twilio-provisioning")
				.authenticationDetailsSource(new LoginDetails.Source())
				.authenticationEntryPoint(ProblemResponses.unauthorized(json)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthorized(json))
				.accessDeniedHandler(ProblemResponses.forbidden(json)))
			.headers((headers) -> commonHeaders(headers).contentSecurityPolicy((csp) -> csp.policyDirectives(API_CSP)))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, JsonMapper json, UserRepository users, LoginDevices devices,
			LoginProperties properties) throws Exception {
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		loginPage.setFavorRelativeUris(true);
		RequestMatcher swaggerUi = anyOf(SWAGGER_UI);
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(STATIC_RESOURCES)
			.permitAll()
			.requestMatchers("/login", "/logout", "/error", "/access-denied")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/")
			.authenticated()
			.anyRequest()
			.hasRole(Role.ADMIN.name()))
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.authenticationDetailsSource(new LoginDetails.Source())
				.successHandler(new LoginHandlers.Success(requestCache, devices, properties))
				.failureHandler(new LoginHandlers.Failure())
				.permitAll())
			.httpBasic((basic) -> basic.realmName("twilio-provisioning")
				.authenticationDetailsSource(new LoginDetails.Source())
				.authenticationEntryPoint(ProblemResponses.unauthorized(json)))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(loginPage).accessDeniedPage("/access-denied"))
			.addFilterAfter(new SessionRevocationFilter(users, anyOf(STATIC_RESOURCES)),
					SecurityContextHolderFilter.class)
			.headers((headers) -> commonHeaders(headers)
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
						new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_CSP)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
						new ContentSecurityPolicyHeaderWriter(PAGES_CSP))));
		return http.build();
	}

	private static HeadersConfigurer<HttpSecurity> commonHeaders(HeadersConfigurer<HttpSecurity> headers) {
		return headers
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
			.permissionsPolicyHeader((permissions) -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY));
	}

	private static RequestMatcher anyOf(String... patterns) {
		return new OrRequestMatcher(java.util.Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList());
	}

}
