package io.twilioprovisioning.platform;

/**
 * The stable {@code type} URIs of the problem details the API answers.
 */
public final class ProblemTypes {

	/**
	 * Every problem type is this base followed by a slug, e.g. {@code client-not-found}.
	 */
	public static final String BASE = "https://twilio-provisioning.dev/problems/";

	private ProblemTypes() {
	}

	public static String of(String slug) {
		return BASE + slug;
	}

}
