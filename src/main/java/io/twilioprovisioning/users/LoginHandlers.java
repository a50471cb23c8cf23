package io.twilioprovisioning.users;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Where form login sends the browser: always a relative redirect (the {@code Host} header
 * is the client's to forge), with a device cookie after a success and a message that says
 * no more than the password check did after a failure.
 */
final class LoginHandlers {

	private LoginHandlers() {
	}

	/**
	 * Sends a signed-in browser to the page it asked for (its path only, never another
	 * host) or to {@code /}, and gives it a device cookie for the account.
	 */
	static final class Success implements AuthenticationSuccessHandler {

		private final RequestCache requestCache;

		private final LoginDevices devices;

		private final LoginProperties properties;

		private final RedirectStrategy redirects = new DefaultRedirectStrategy();

		Success(RequestCache requestCache, LoginDevices devices, LoginProperties properties) {
			this.requestCache = requestCache;
			this.devices = devices;
			this.properties = properties;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException {
			if (authentication.getPrincipal() instanceof SignedInUser user
					&& !this.devices.isKnown(presentedDevice(request), user.email())) {
				String token = this.devices.issue(user.id());
				ResponseCookie cookie = ResponseCookie.from(LoginDetails.DEVICE_COOKIE, token)
					.path("/login")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Strict")
					.maxAge(this.properties.deviceCookieLifetime())
					.build();
				response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
			}
			SavedRequest saved = this.requestCache.getRequest(request, response);
			String target = "/";
			if (saved != null) {
				this.requestCache.removeRequest(request, response);
				target = localPath(saved.getRedirectUrl(), request.getContextPath());
			}
			if (request.getSession(false) != null) {
				request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			}
			this.redirects.sendRedirect(request, response, target);
		}

		private static String presentedDevice(HttpServletRequest request) {
			if (request.getCookies() != null) {
				for (Cookie cookie : request.getCookies()) {
					if (LoginDetails.DEVICE_COOKIE.equals(cookie.getName())) {
						return cookie.getValue();
					}
				}
			}
			return null;
		}

		/**
		 * The path and query of a saved URL, relative to the application; {@code /} when
		 * it is not one of ours.
		 */
		static String localPath(String url, String contextPath) {
			try {
				URI uri = URI.create(url);
				String path = uri.getRawPath();
				if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
					return "/";
				}
				if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
					path = path.substring(contextPath.length());
				}
				if (!path.startsWith("/") || path.startsWith("//")) {
					return "/";
				}
				return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
			}
			catch (IllegalArgumentException ex) {
				return "/";
			}
		}

	}

	/**
	 * Back to the login page with one message: wrong email or password, wait (throttled;
	 * said whether or not the account exists), or disabled (only after the right
	 * password).
	 */
	static final class Failure implements AuthenticationFailureHandler {

		private final RedirectStrategy redirects = new DefaultRedirectStrategy();

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			String target = "/login?error";
			if (exception instanceof LoginThrottledException throttled) {
				target = "/login?wait=" + throttled.retryAfterSeconds();
			}
			else if (exception instanceof DisabledException) {
				target = "/login?disabled";
			}
			this.redirects.sendRedirect(request, response, target);
		}

	}

}
