package io.twilioprovisioning.platform;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the logs ({@code requestId}) and in the
 * {@code X-Request-Id} response header, so an operator can match an error to its log
 * lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/**
	 * Eight hex digits from the thread's own generator: an id to find log lines by, not a
	 * secret, so it need not come from the shared {@code SecureRandom} behind
	 * {@code UUID.randomUUID()}, which every request would otherwise queue on.
	 */
	static String newId() {
		return String.format("%08x", ThreadLocalRandom.current().nextInt());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String id = (incoming != null && SAFE.matcher(incoming).matches()) ? incoming : newId();
		MDC.put("requestId", "req=" + id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

}
