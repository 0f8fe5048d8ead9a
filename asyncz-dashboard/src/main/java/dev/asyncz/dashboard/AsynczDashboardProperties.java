package dev.asyncz.dashboard;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the dashboard.
 */
@ConfigurationProperties("asyncz.dashboard")
public class AsynczDashboardProperties {

	/**
	 * Whether to serve the dashboard. Off by default: it shows every task of the
	 * application.
	 */
	private boolean enabled;

	/**
	 * Path of the dashboard; its JSON API is under this path followed by /api.
	 */
	private String path = "/asyncz";

	/**
	 * Whether the dashboard may pause, resume, run and delete tasks. When false it only
	 * shows, and refuses writes with 403.
	 */
	private boolean writesEnabled;

	/**
	 * When to show task arguments and error messages unsanitised.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles allowed to see unsanitised values when show-values is when-authorized. Any
	 * authenticated user when empty.
	 */
	private Set<String> roles = new HashSet<>();

	/**
	 * How many recent runs this instance remembers for the runs page and the overview's
	 * run rate and lateness.
	 */
	private int runHistorySize = 1000;

	/**
	 * How often an open page asks for fresh data; it waits longer after failures.
	 */
	private Duration pollInterval = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public boolean isWritesEnabled() {
		return this.writesEnabled;
	}

	public void setWritesEnabled(boolean writesEnabled) {
		this.writesEnabled = writesEnabled;
	}

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

	public void setRoles(Set<String> roles) {
		this.roles = roles;
	}

	public int getRunHistorySize() {
		return this.runHistorySize;
	}

	public void setRunHistorySize(int runHistorySize) {
		this.runHistorySize = runHistorySize;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

}
