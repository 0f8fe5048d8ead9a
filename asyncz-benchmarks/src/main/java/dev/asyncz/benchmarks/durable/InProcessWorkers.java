package dev.asyncz.benchmarks.durable;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Instances in this JVM, each with its own subject, connections and worker pool. Used by
 * the smoke test; measurements use {@link ForkedWorkers}.
 */
final class InProcessWorkers implements Workers {

	private final DurableSettings settings;

	InProcessWorkers(DurableSettings settings) {
		this.settings = settings;
	}

	@Override
	public Handle launch(SubjectKind kind, String instanceName, boolean clustered, boolean keepLateness,
			@Nullable AddWork adds) {
		Subject subject = kind.create(this.settings);
		Recorder recorder = new Recorder(keepLateness);
		long startCalled = Recorder.nowMicros();
		Subject.Instance instance = subject.start(instanceName, recorder, clustered);
		long ready = Recorder.nowMicros();
		WorkerResult added = (adds != null) ? adds.run(instance, startCalled, ready) : null;
		return new Handle() {

			@Override
			public long awaitReady(Duration timeout) {
				return ready;
			}

			@Override
			public WorkerResult stop() {
				try {
					instance.stop();
					return (added != null) ? added : recorder.result(startCalled, ready);
				}
				finally {
					subject.close();
				}
			}

			@Override
			public void kill() {
				stop();
			}

		};
	}

}
