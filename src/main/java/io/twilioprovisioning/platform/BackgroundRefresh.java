package io.twilioprovisioning.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one refresh at a time on a daemon thread of its own: what a page shows from memory
 * (the account status, the dashboard's cost figures) is brought up to date without the
 * page waiting, and a second request while a refresh runs starts nothing.
 */
public final class BackgroundRefresh implements AutoCloseable {

	private final Runnable refresh;

	private final AtomicBoolean running = new AtomicBoolean();

	private final ExecutorService executor;

	/**
	 * @param threadName the name of the refresh thread, for thread dumps and logs
	 * @param refresh what a refresh does; an exception ends that refresh only
	 */
	public BackgroundRefresh(String threadName, Runnable refresh) {
		this.refresh = refresh;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts a refresh unless one is running.
	 * @return whether this call started one
	 */
	public boolean start() {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		try {
			this.executor.execute(() -> {
				try {
					this.refresh.run();
				}
				finally {
					this.running.set(false);
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			this.running.set(false);
			return false;
		}
	}

	/** Whether a refresh is running now. */
	public boolean running() {
		return this.running.get();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
