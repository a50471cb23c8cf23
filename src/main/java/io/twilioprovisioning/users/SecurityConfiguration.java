package io.twilioprovisioning.users;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who may reach what. Three filter chains: the Twilio emulator and inbound webhooks
 * (their own authentication), the JSON API (HTTP Basic, stateless, ProblemDetail for 401
 * and 403) and the browser pages (form login, session, CSRF).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] STATIC_RESOURCES = { "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
			"/favicon.svg" };

	@Bean
	PasswordEncoder passwordEncoder(java.time.Clock clock) {
		return new VerifiedPasswordCache(new BCryptPasswordEncoder(), java.time.Duration.ofMinutes(5), clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain machineToMachine(HttpSecurity http) throws Exception {
		http.securityMatcher("/sandbox/twilio/**", "/webhooks/**")
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
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
				.authenticationEntryPoint(ProblemResponses.unauthorized(json)))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ProblemResponses.unauthorized(json))
				.accessDeniedHandler(ProblemResponses.forbidden(json)))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(STATIC_RESOURCES)
			.permitAll()
			.requestMatchers("/login", "/error", "/error/**", "/access-denied")
			.permitAll()
			.requestMatchers("/admin/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.failureHandler(new LoginFailureHandler())
				.permitAll())
			.httpBasic((basic) -> basic.realmName("twilio-provisioning"))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling((exceptions) -> exceptions.accessDeniedPage("/access-denied"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
		return http.build();
	}

	/**
	 * Sends a locked account to a page that says so, and a sign-in that could not be
	 * checked (database unreachable) to one that says to try again; every other failure
	 * gets the same message, so the login page does not tell which emails exist.
	 */
	static final class LoginFailureHandler extends SimpleUrlAuthenticationFailureHandler {

		LoginFailureHandler() {
			super("/login?error");
		}

		@Override
		public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response,
				org.springframework.security.core.AuthenticationException exception)
				throws java.io.IOException, jakarta.servlet.ServletException {
			if (exception instanceof LockedException) {
				getRedirectStrategy().sendRedirect(request, response, "/login?locked");
				return;
			}
			if (exception instanceof InternalAuthenticationServiceException) {
				getRedirectStrategy().sendRedirect(request, response, "/login?unavailable");
				return;
			}
			super.onAuthenticationFailure(request, response, exception);
		}

	}

}
