package dev.asyncz.executor.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

final class Waiting {

	private Waiting() {
	}

	static void awaitTermination(ExecutorService service, Duration timeout) {
		try {
			if (!service.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				service.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			service.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
