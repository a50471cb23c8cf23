package io.twilioprovisioning.users;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session on the first request after its account was disabled, deleted,
 * given another role or another password, by whichever instance: each request of a
 * session reads the account's {@code security_version} by primary key and compares it
 * with the one the session signed in with. The request then goes on as anonymous, so a
 * page sends it to the login page and a form post changes nothing.
 */
class SessionRevocationFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocationFilter.class);

	private final UserRepository users;

	private final RequestMatcher skip;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SessionRevocationFilter(UserRepository users, RequestMatcher skip) {
		this.users = users;
		this.skip = skip;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getSession(false) == null || this.skip.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			Optional<Long> current;
			try {
				current = this.users.findSecurityVersionIfEnabled(user.id());
			}
			catch (DataAccessException ex) {
				// The session cannot be checked: say "unavailable", never serve it
				// unchecked.
				log.warn("A session could not be checked, answered 503: {}", ex.getClass().getSimpleName());
				response.setHeader("Retry-After", "10");
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
			if (current.isEmpty() || current.get() != user.securityVersion()) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				this.contexts.clearContext();
				log.info("Ended a session of user {}: the account was disabled or its role or password changed",
						user.id());
			}
		}
		chain.doFilter(request, response);
	}

}
