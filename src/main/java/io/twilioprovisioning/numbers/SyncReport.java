package io.twilioprovisioning.numbers;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.NullMarked;

/**
 * What a sync check found when it compared Twilio's inventory with the database. The
 * lists are capped ({@link SyncProperties#listLimit()}); the counts are exact.
 *
 * @param id the stored report
 * @param startedAt when the check started
 * @param finishedAt when it finished
 * @param runBy who ran it: an admin's email or {@code system}
 * @param checked how many numbers Twilio listed
 * @param untrackedCount owned in Twilio without a live row here
 * @param missingCount tracked as active but gone from Twilio
 * @param webhooksDifferCount active numbers whose webhooks in Twilio differ from the
 * policy
 * @param namesDifferCount active numbers whose friendly name in Twilio is not the
 * inventory's (their client's name)
 * @param untracked the first untracked numbers
 * @param missing the first missing numbers
 * @param webhooksDiffer the first numbers with other webhooks
 * @param namesDiffer the first numbers with another friendly name in Twilio
 */
@NullMarked
public record SyncReport(long id, Instant startedAt, Instant finishedAt, String runBy, long checked,
		long untrackedCount, long missingCount, long webhooksDifferCount, long namesDifferCount,
		List<SyncItem> untracked, List<SyncItem> missing, List<SyncItem> webhooksDiffer, List<SyncItem> namesDiffer) {

	/**
	 * Whether Twilio and the database agree.
	 */
	public boolean inSync() {
		return this.untrackedCount == 0 && this.missingCount == 0 && this.webhooksDifferCount == 0
				&& this.namesDifferCount == 0;
	}

	SyncReport withId(long id) {
		return new SyncReport(id, this.startedAt, this.finishedAt, this.runBy, this.checked, this.untrackedCount,
				this.missingCount, this.webhooksDifferCount, this.namesDifferCount, this.untracked, this.missing,
				this.webhooksDiffer, this.namesDiffer);
	}

}
