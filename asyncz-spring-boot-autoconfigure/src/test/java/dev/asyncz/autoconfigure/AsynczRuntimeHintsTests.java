package dev.asyncz.autoconfigure;

import java.io.IOException;
import java.util.function.Predicate;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints a native image gets from an ahead-of-time run of a context with the
 * auto-configuration and a bean with annotated task methods.
 */
class AsynczRuntimeHintsTests {

	private static RuntimeHints hints;

	@BeforeAll
	static void processAheadOfTime() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(AsynczAutoConfiguration.class, Jobs.class);
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get("dev.asyncz.aot", "Test")), new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			hints = generation.getRuntimeHints();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql", "mariadb" })
	void theJdbcSchemaScriptOfEachDatabaseIsIncluded(String platform) {
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/asyncz/store/jdbc/schema-" + platform + ".sql"))
			.accepts(hints);
	}

	@Test
	void everyLuaScriptOfTheRedisStoreIsIncluded() throws IOException {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:dev/asyncz/store/redis/internal/*.lua");
		assertThat(scripts).isNotEmpty();
		for (Resource script : scripts) {
			assertThat(RuntimeHintsPredicates.resource()
				.forResource("dev/asyncz/store/redis/internal/" + script.getFilename())).accepts(hints);
		}
	}

	@Test
	void aScheduledTaskMethodCanBeInvoked() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Jobs.class, "report")).accepts(hints);
	}

	@Test
	void aRepeatedScheduledTaskMethodCanBeInvoked() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Jobs.class, "twice")).accepts(hints);
	}

	@Test
	void aTaskFunctionMethodCanBeInvokedAndItsArgumentTypesBound() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Jobs.class, "remind")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Reminder.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Reminder.class, "text")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Recipient.class)).as("a type nested in an argument")
			.accepts(hints);
	}

	@Test
	void theTaskContextParameterIsNotBoundFromJson() {
		Predicate<RuntimeHints> taskContext = RuntimeHintsPredicates.reflection().onType(TaskContext.class);
		assertThat(taskContext).rejects(hints);
	}

	@Test
	void methodsWithoutTheAnnotationsGetNoHint() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Jobs.class, "helper")).rejects(hints);
	}

	record Recipient(String email) {
	}

	record Reminder(String text, Recipient recipient) {
	}

	static class Jobs {

		@ScheduledTask(id = "report", interval = "1h")
		void report(TaskContext context) {
		}

		@ScheduledTask(id = "morning", cron = "0 8 * * *")
		@ScheduledTask(id = "evening", cron = "0 20 * * *")
		void twice() {
		}

		@TaskFunction("remind")
		void remind(String user, Reminder reminder) {
		}

		void helper() {
		}

	}

}
