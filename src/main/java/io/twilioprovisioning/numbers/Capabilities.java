package io.twilioprovisioning.numbers;

/**
 * What a number can receive.
 *
 * @param voice calls
 * @param sms text messages
 * @param mms multimedia messages
 * @param fax faxes
 */
public record Capabilities(boolean voice, boolean sms, boolean mms, boolean fax) {

	public static final Capabilities NONE = new Capabilities(false, false, false, false);

}
