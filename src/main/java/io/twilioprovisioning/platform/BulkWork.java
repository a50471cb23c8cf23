package io.twilioprovisioning.platform;

import java.util.concurrent.Callable;

/**
 * Marks the work a thread does as bulk (a background job's item) rather than interactive
 * (an operator's request). The Twilio adapter sends bulk calls through an adaptive
 * concurrency limit and lets interactive calls pass ahead of them, so one purchase from
 * the console never queues behind a job of 100,000 items. A mark on the current thread,
 * not a parameter, because the lifecycle between the job and the adapter does not change
 * with it.
 */
public final class BulkWork {

	private static final ThreadLocal<Boolean> BULK = new ThreadLocal<>();

	private BulkWork() {
	}

	/**
	 * Runs the work as bulk work on the current thread.
	 */
	public static <T> T call(Callable<T> work) throws Exception {
		Boolean previous = BULK.get();
		BULK.set(Boolean.TRUE);
		try {
			return work.call();
		}
		finally {
			if (previous == null) {
				BULK.remove();
			}
			else {
				BULK.set(previous);
			}
		}
	}

	/**
	 * Runs the work as bulk work on the current thread.
	 */
	public static void run(Runnable work) {
		Boolean previous = BULK.get();
		BULK.set(Boolean.TRUE);
		try {
			work.run();
		}
		finally {
			if (previous == null) {
				BULK.remove();
			}
			else {
				BULK.set(previous);
			}
		}
	}

	/**
	 * Whether the current thread does bulk work.
	 */
	public static boolean isBulk() {
		return Boolean.TRUE.equals(BULK.get());
	}

}
