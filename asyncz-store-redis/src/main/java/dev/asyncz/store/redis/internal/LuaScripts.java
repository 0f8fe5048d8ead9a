package dev.asyncz.store.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import org.jspecify.annotations.Nullable;

/**
 * Runs the store's server-side scripts over one store's keys. Each script is loaded once
 * and run by its SHA-1 digest; when the server has forgotten it (a restart,
 * {@code SCRIPT FLUSH}) the full source is sent once more, which also caches it again.
 */
public final class LuaScripts {

	private final RedisClusterCommands<String, String> commands;

	private final String[] keys;

	/**
	 * Scripts over one store's keys.
	 * @param commands the connection to run them on
	 * @param keys the store's keys
	 */
	public LuaScripts(RedisClusterCommands<String, String> commands, RedisKeys keys) {
		this.commands = commands;
		this.keys = keys.scriptKeys();
	}

	/**
	 * Caches every script on the server.
	 */
	public void load() {
		for (Lua script : Lua.values()) {
			this.commands.scriptLoad(script.source);
		}
	}

	/**
	 * Runs a script.
	 * @param <T> the reply type
	 * @param script the script
	 * @param args its {@code ARGV}
	 * @return the reply
	 */
	public <T> @Nullable T run(Lua script, String... args) {
		try {
			return this.commands.evalsha(script.digest, script.type, this.keys, args);
		}
		catch (RedisNoScriptException ex) {
			return this.commands.eval(script.source, script.type, this.keys, args);
		}
	}

	/**
	 * The scripts, each a resource of the same name prefixed with the shared prelude.
	 */
	public enum Lua {

		/** Adds a task unless its id is taken. */
		ADD("add", ScriptOutputType.INTEGER),

		/**
		 * Checks that no id of several tasks is taken and, unless asked only to check,
		 * adds them all.
		 */
		ADD_ALL("addAll", ScriptOutputType.INTEGER),

		/** Replaces a task, ending its claim. */
		UPDATE("update", ScriptOutputType.INTEGER),

		/**
		 * Stores a claimed task's next state and ends the claim, unless the task changed
		 * since.
		 */
		RELEASE("release", ScriptOutputType.INTEGER),

		/** Removes a task. */
		REMOVE("remove", ScriptOutputType.INTEGER),

		/** Removes every readable task. */
		REMOVE_ALL("removeAll", ScriptOutputType.INTEGER),

		/** Reads a task that is not quarantined. */
		GET("get", ScriptOutputType.VALUE),

		/** Counts readable tasks. */
		COUNT("count", ScriptOutputType.INTEGER),

		/**
		 * Reads the earliest run time of unclaimed tasks, counting claims whose lease
		 * expired.
		 */
		NEXT_RUN_TIME("nextRunTime", ScriptOutputType.VALUE),

		/** Claims due tasks and tasks whose claim expired. */
		ACQUIRE("acquire", ScriptOutputType.MULTI),

		/**
		 * Reads, claiming nothing, the run scores an acquire would take, so that a store
		 * spread over partitions can share out one acquire's limit.
		 */
		PEEK_DUE("peekDue", ScriptOutputType.MULTI),

		/** Ends a claim after the final run, removing the task. */
		COMPLETE("complete", ScriptOutputType.INTEGER),

		/** Extends leases. */
		RENEW("renew", ScriptOutputType.MULTI),

		/** Sets an unreadable task aside. */
		QUARANTINE("quarantine", ScriptOutputType.INTEGER),

		/** Records a new reason for a task that is still unreadable. */
		REQUARANTINE("requarantine", ScriptOutputType.INTEGER),

		/** Takes a quarantined task that reads now back into the indexes. */
		RESTORE("restore", ScriptOutputType.INTEGER),

		/** Deletes a quarantined task. */
		REMOVE_QUARANTINED("removeQuarantined", ScriptOutputType.INTEGER);

		private final String source;

		private final String digest;

		private final ScriptOutputType type;

		Lua(String name, ScriptOutputType type) {
			this.source = read("prelude") + read(name);
			this.digest = sha1(this.source);
			this.type = type;
		}

		/**
		 * The SHA-1 digest the server caches the script under.
		 * @return the hex digest
		 */
		public String digest() {
			return this.digest;
		}

		private static String read(String name) {
			String resource = name + ".lua";
			try (InputStream in = LuaScripts.class.getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("Missing script resource " + resource);
				}
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read script resource " + resource, ex);
			}
		}

		private static String sha1(String source) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java platform has SHA-1", ex);
			}
		}

	}

}
