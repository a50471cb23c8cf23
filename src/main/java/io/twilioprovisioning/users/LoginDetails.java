package io.twilioprovisioning.users;

import java.io.Serial;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * Where a sign-in attempt comes from: the client's address (the source the throttle
 * counts) and the device cookie it presented, if any.
 *
 * <p>
 * The address is {@link HttpServletRequest#getRemoteAddr()}: behind a reverse proxy,
 * {@code server.forward-headers-strategy} must be set so that it is the client's and not
 * the proxy's, and the proxy must overwrite (not append to) {@code X-Forwarded-For}. IPv6
 * addresses count per /64, the block one subscriber usually holds.
 */
final class LoginDetails implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String DEVICE_COOKIE = "login_device";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final String source;

	private final transient String deviceToken;

	LoginDetails(String source, String deviceToken) {
		this.source = source;
		this.deviceToken = deviceToken;
	}

	static LoginDetails of(HttpServletRequest request) {
		return new LoginDetails(sourceOf(request.getRemoteAddr()), deviceTokenOf(request));
	}

	/**
	 * The throttle's source for a remote address: an IPv4 address as it is, an IPv6
	 * address as its /64 prefix.
	 */
	static String sourceOf(String remoteAddress) {
		if (remoteAddress == null) {
			return "unknown";
		}
		String address = remoteAddress.strip();
		int scope = address.indexOf('%');
		if (scope >= 0) {
			address = address.substring(0, scope);
		}
		if (!IP_LITERAL.matcher(address).matches()) {
			return "unknown";
		}
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 4) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		catch (UnknownHostException ex) {
			return "unknown";
		}
	}

	private static String deviceTokenOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (DEVICE_COOKIE.equals(cookie.getName()) && LoginDevices.isWellFormed(cookie.getValue())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	String source() {
		return this.source;
	}

	String deviceToken() {
		return this.deviceToken;
	}

	@Override
	public String toString() {
		return "LoginDetails[source=" + this.source + "]";
	}

	/**
	 * Gives form login and HTTP Basic the details of the request.
	 */
	static final class Source implements AuthenticationDetailsSource<HttpServletRequest, LoginDetails> {

		@Override
		public LoginDetails buildDetails(HttpServletRequest request) {
			return LoginDetails.of(request);
		}

	}

}
