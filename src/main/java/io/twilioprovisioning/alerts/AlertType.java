package io.twilioprovisioning.alerts;

/**
 * The kinds of alert, each with the title a banner, an e-mail subject and a webhook
 * receiver show.
 */
public enum AlertType {

	/** The Twilio balance is below {@code PROVISIONING_ALERTS_LOW_BALANCE}. */
	LOW_BALANCE("Low Twilio balance"),

	/**
	 * Numbers are still purchasing or releasing after recovery should have resolved them.
	 */
	NUMBERS_STUCK("Numbers stuck between states"),

	/** The latest sync check found Twilio and the inventory disagreeing. */
	SYNC_DRIFT("Twilio and the inventory differ"),

	/** A job failed (raised by the jobs module through {@link Alerts#raise}). */
	JOB_FAILED("A job failed");

	private final String title;

	AlertType(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}
