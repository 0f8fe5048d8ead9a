package dev.asyncz.autoconfigure.actuate;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code asyncz} endpoint. Who may use it at all, and whether it may
 * write, is set by Spring Boot's {@code management.endpoint.asyncz.access} ({@code none},
 * {@code read-only}, {@code unrestricted}).
 */
@ConfigurationProperties("management.endpoint.asyncz")
public class AsynczEndpointProperties {

	/**
	 * When to show task arguments and error messages unsanitised.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles allowed to see unsanitised values when show-values is when-authorized. Any
	 * authenticated user when empty.
	 */
	private Set<String> roles = new HashSet<>();

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

}
