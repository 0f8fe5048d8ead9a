package dev.asyncz.autoconfigure;

import java.time.Instant;

import dev.asyncz.core.ControllableClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the scheduler a controllable clock standing at {@link #T0}.
 */
@Configuration(proxyBeanMethods = false)
class ControllableClockConfiguration {

	static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

	@Bean
	@AsynczClock
	ControllableClock asynczClock() {
		return new ControllableClock(T0);
	}

}
