package dev.asyncz.benchmarks.durable;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Command-line options of the form {@code --key=value} or {@code --flag}.
 */
final class Options {

	private final Map<String, String> values = new LinkedHashMap<>();

	private Options() {
	}

	static Options parse(String[] args) {
		Options options = new Options();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unknown argument '" + arg + "': options look like --key=value");
			}
			int equals = arg.indexOf('=');
			if (equals < 0) {
				options.values.put(arg.substring(2), "true");
			}
			else {
				options.values.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
		}
		return options;
	}

	@Nullable String get(String key) {
		return this.values.get(key);
	}

	String get(String key, String fallback) {
		return this.values.getOrDefault(key, fallback);
	}

	boolean flag(String key) {
		return Boolean.parseBoolean(this.values.getOrDefault(key, "false"));
	}

	String require(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("Option --" + key + " is missing");
		}
		return value;
	}

}
