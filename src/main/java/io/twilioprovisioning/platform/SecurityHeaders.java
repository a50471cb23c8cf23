package io.twilioprovisioning.platform;

/**
 * The header values every answer carries, in one place: the security filter chains send
 * them, and so does whatever answers before those chains run (a request refused while its
 * parameters are read), so a refusal is not looser than a page.
 */
public final class SecurityHeaders {

	/** No URL of the console leaves it in a Referer. */
	public static final String REFERRER_POLICY = "same-origin";

	/** Features no page of the console uses. */
	public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "encrypted-media=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
			+ "payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), "
			+ "xr-spatial-tracking=()";

	private SecurityHeaders() {
	}

}
