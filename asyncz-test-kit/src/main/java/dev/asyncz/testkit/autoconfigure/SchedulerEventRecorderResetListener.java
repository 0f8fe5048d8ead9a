package dev.asyncz.testkit.autoconfigure;

import dev.asyncz.testkit.SchedulerEventRecorder;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Clears the context's {@link SchedulerEventRecorder} before each test method, so that a
 * test sees only its own events although test classes share a cached context.
 */
public final class SchedulerEventRecorderResetListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		// Any place works as long as it is before the test method runs; late, so that
		// listeners that prepare the context come first.
		return 10_000;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(SchedulerEventRecorder.class)
				.ifAvailable(SchedulerEventRecorder::clear);
		}
	}

}
