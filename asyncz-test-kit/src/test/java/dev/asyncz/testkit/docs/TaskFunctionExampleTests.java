package dev.asyncz.testkit.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.testkit.SchedulerEventRecorder;
import dev.asyncz.testkit.TimeTravel;
import dev.asyncz.testkit.autoconfigure.AutoConfigureTimeTravel;
import dev.asyncz.trigger.Triggers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs' example of testing a {@code @TaskFunction} that stored tasks call
 * (docs/testing.md).
 */
// tag::task-function[]
@SpringBootTest(classes = TaskFunctionExampleTests.Application.class)
@AutoConfigureTimeTravel
class TaskFunctionExampleTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	TimeTravel time;

	@Autowired
	SchedulerEventRecorder events;

	@Autowired
	Invoices invoices;

	@Test
	void anInvoiceIsSentWhenDueAndRetriedUntilTheMailServerAnswers() {
		this.invoices.failuresLeft = 2;
		this.scheduler.add(TaskRequest.of("send-invoice", Triggers.at(this.time.now().plus(Duration.ofDays(30))))
			.id("invoice-42")
			.args("42")
			.retry(RetryPolicy.fixed(3, Duration.ofMinutes(5)))
			.build());
		this.time.advance(Duration.ofDays(30));
		assertThat(this.invoices.sent).isEmpty();
		assertThat(this.events).hasFailed("invoice-42").once().and().hasRetried("invoice-42").once();
		this.time.advance(Duration.ofMinutes(10));
		assertThat(this.invoices.sent).containsExactly("42");
		assertThat(this.events).hasFailed("send-invoice").times(2).and().hasExecuted("send-invoice").once();
		assertThat(this.scheduler.get("invoice-42")).isEmpty();
	}

	@Component
	static class Invoices {

		final List<String> sent = new CopyOnWriteArrayList<>();

		volatile int failuresLeft;

		@TaskFunction("send-invoice")
		void send(String number) {
			if (this.failuresLeft > 0) {
				this.failuresLeft--;
				throw new IllegalStateException("The mail server does not answer");
			}
			this.sent.add(number);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Invoices.class)
	static class Application {

	}

}
// end::task-function[]
