package dev.asyncz.trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions shared by the trigger tests.
 */
final class FireTimes {

	private FireTimes() {
	}

	/**
	 * Asserts the next fire time after {@code after}.
	 * @param trigger the trigger
	 * @param after the previous fire time
	 * @param expected the next fire time, or {@code null} for none
	 */
	static void assertNext(Trigger trigger, Instant after, @Nullable Instant expected) {
		if (expected == null) {
			assertThat(trigger.nextFireTimeAfter(after)).isEmpty();
		}
		else {
			assertThat(trigger.nextFireTimeAfter(after)).contains(expected);
		}
	}

	/**
	 * The fire times following {@code after}, each computed from the one before.
	 * @param trigger the trigger
	 * @param after where to start
	 * @param count how many
	 * @return the fire times
	 */
	static List<Instant> following(Trigger trigger, Instant after, int count) {
		List<Instant> times = new ArrayList<>();
		Instant previous = after;
		for (int i = 0; i < count; i++) {
			previous = trigger.nextFireTimeAfter(previous).orElseThrow();
			times.add(previous);
		}
		return times;
	}

}
