package dev.asyncz.autoconfigure.actuate;

import dev.asyncz.core.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@code asyncz} endpoint with writes granted and secured by Spring Security, as
 * docs/operations.md shows: reads need the role {@code OPS}, writes the role
 * {@code ADMIN}, and each write's audit event names the user who made it.
 */
@SpringBootTest(
		classes = { AsynczEndpointWebTests.TestApplication.class,
				AsynczEndpointSecurityWebTests.SecurityConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.endpoints.web.exposure.include=asyncz",
				"management.endpoint.asyncz.access=unrestricted" })
class AsynczEndpointSecurityWebTests {

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	AsynczEndpointWebTests.AuditRecorder audit;

	@BeforeEach
	void addTask() {
		this.scheduler.deleteAll(null);
		this.audit.actions.clear();
		AsynczEndpointWebTests.addHourlyReport(this.scheduler);
	}

	@Test
	void anonymousCallersCanNeitherReadNorWrite() {
		ActuatorClient anonymous = new ActuatorClient(this.port);
		assertThat(anonymous.get("/asyncz").status()).isEqualTo(401);
		assertThat(anonymous.post("/asyncz/report-1", "{\"action\":\"pause\"}").status()).isEqualTo(401);
		assertThat(this.scheduler.get("report-1")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void operatorsReadButCannotWrite() {
		ActuatorClient operator = ActuatorClient.withBasicAuth(this.port, "olivia", "olivia-secret");
		assertThat(operator.get("/asyncz/report-1").status()).isEqualTo(200);
		assertThat(operator.post("/asyncz/report-1", "{\"action\":\"pause\"}").status()).isEqualTo(403);
		assertThat(operator.delete("/asyncz/report-1").status()).isEqualTo(403);
		assertThat(this.scheduler.get("report-1")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).isEmpty();
	}

	@Test
	void anAdministratorsWritesAreAuditedUnderTheirName() {
		ActuatorClient admin = ActuatorClient.withBasicAuth(this.port, "ada", "ada-secret");
		assertThat(admin.post("/asyncz/report-1", "{\"action\":\"pause\"}").status()).isEqualTo(200);
		assertThat(admin.delete("/asyncz/report-1").status()).isEqualTo(200);
		assertThat(this.scheduler.get("report-1")).isEmpty();
		assertThat(this.audit.actions).extracting(AsynczEndpointAction::action, AsynczEndpointAction::principal)
			.containsExactly(tuple("pause", "ada"), tuple("delete", "ada"));
	}

	/**
	 * The configuration docs/operations.md shows, with two users in memory.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class SecurityConfiguration {

		@Bean
		SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher("/actuator/**")
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**")
					.permitAll()
					.requestMatchers(HttpMethod.GET, "/actuator/**")
					.hasAnyRole("OPS", "ADMIN")
					.anyRequest()
					.hasRole("ADMIN"))
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/actuator/**"));
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("olivia").password("{noop}olivia-secret").roles("OPS").build(),
					User.withUsername("ada").password("{noop}ada-secret").roles("ADMIN").build());
		}

	}

}
