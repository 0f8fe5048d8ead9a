package dev.asyncz.benchmarks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one measurement found, and the one-line form in which a measuring JVM hands it
 * back.
 *
 * @param scenario the scenario name
 * @param subject the subject label
 * @param metrics values by metric name, in the order the scenario reports them
 */
record Measurement(String scenario, String subject, Map<String, Double> metrics) {

	/** Starts the line that carries a measurement. */
	static final String PREFIX = "#result";

	Measurement {
		metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
	}

	/**
	 * The machine-readable line: the prefix, then space-separated {@code key=value}
	 * pairs.
	 * @return the line
	 */
	String toLine() {
		StringBuilder line = new StringBuilder(PREFIX);
		line.append(" scenario=").append(this.scenario).append(" subject=").append(this.subject);
		this.metrics.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		return line.toString();
	}

	/**
	 * Reads a line written by {@link #toLine()}.
	 * @param line any line of a measuring JVM's output
	 * @return the measurement, or empty if the line carries none
	 */
	static Optional<Measurement> parse(String line) {
		if (!line.startsWith(PREFIX + " ")) {
			return Optional.empty();
		}
		String scenario = null;
		String subject = null;
		Map<String, Double> metrics = new LinkedHashMap<>();
		for (String pair : line.substring(PREFIX.length()).trim().split("\\s+")) {
			int equals = pair.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException("Malformed pair '" + pair + "' in result line: " + line);
			}
			String key = pair.substring(0, equals);
			String value = pair.substring(equals + 1);
			switch (key) {
				case "scenario" -> scenario = value;
				case "subject" -> subject = value;
				default -> metrics.put(key, Double.parseDouble(value));
			}
		}
		if (scenario == null || subject == null) {
			throw new IllegalArgumentException("Result line names no scenario or subject: " + line);
		}
		return Optional.of(new Measurement(scenario, subject, metrics));
	}

}
