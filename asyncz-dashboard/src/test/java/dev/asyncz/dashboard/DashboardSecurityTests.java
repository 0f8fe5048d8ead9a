package dev.asyncz.dashboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.asyncz.core.Scheduler;
import dev.asyncz.dashboard.DashboardTestApplication.AuditRecorder;
import dev.asyncz.task.TaskRequest;
import dev.asyncz.trigger.Triggers;
import org.jspecify.annotations.Nullable;
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

/**
 * The dashboard with writes enabled behind the Spring Security configuration
 * docs/dashboard.md prints, over real HTTP as the page's script talks to it: anonymous
 * callers are refused, viewers read but cannot write, operators write with the CSRF token
 * from the cookie and their writes are audited under their name.
 */
@SpringBootTest(classes = { DashboardTestApplication.class, DashboardSecurityTests.DocumentedSecurity.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "asyncz.dashboard.enabled=true", "asyncz.dashboard.writes-enabled=true" })
class DashboardSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Autowired
	AuditRecorder audit;

	@BeforeEach
	void addTask() {
		this.scheduler.deleteAll(null);
		this.audit.actions.clear();
		this.scheduler.add(TaskRequest.of("report", Triggers.every(Duration.ofHours(1))).id("report").build());
	}

	@Test
	void anonymousCallersCanNeitherSeeNorWrite() throws Exception {
		Browser anonymous = new Browser(null);
		assertThat(anonymous.get("/asyncz/").statusCode()).isEqualTo(401);
		assertThat(anonymous.get("/asyncz/api/tasks").statusCode()).isEqualTo(401);
		assertThat(anonymous.post("/asyncz/api/task/pause?id=report", null).statusCode()).isIn(401, 403);
		assertNotPausedAndNothingAudited();
	}

	@Test
	void viewersReadTheApiButTheirWritesAreForbiddenEvenWithTheCsrfToken() throws Exception {
		Browser viewer = new Browser("vera:vera-secret");
		HttpResponse<String> tasks = viewer.get("/asyncz/api/tasks");
		assertThat(tasks.statusCode()).isEqualTo(200);
		assertThat(tasks.body()).contains("\"id\":\"report\"");
		String token = viewer.csrfCookie();
		assertThat(token).isNotNull();
		assertThat(viewer.post("/asyncz/api/task/pause?id=report", token).statusCode()).isEqualTo(403);
		assertThat(viewer.delete("/asyncz/api/task?id=report", token).statusCode()).isEqualTo(403);
		assertNotPausedAndNothingAudited();
	}

	@Test
	void anOperatorsWriteWithoutTheCsrfTokenIsForbidden() throws Exception {
		Browser operator = new Browser("otto:otto-secret");
		assertThat(operator.get("/asyncz/api/config").statusCode()).isEqualTo(200);
		assertThat(operator.post("/asyncz/api/task/pause?id=report", null).statusCode()).isEqualTo(403);
		assertThat(operator.post("/asyncz/api/task/pause?id=report", "not-the-token").statusCode()).isEqualTo(403);
		assertNotPausedAndNothingAudited();
	}

	@Test
	void anOperatorsWriteWithTheTokenFromTheCookieIsDoneAndAuditedUnderTheirName() throws Exception {
		Browser operator = new Browser("otto:otto-secret");
		assertThat(operator.get("/asyncz/").statusCode()).isEqualTo(200);
		String token = operator.csrfCookie();
		assertThat(token).as("the XSRF-TOKEN cookie the page's script reads").isNotNull();
		assertThat(operator.post("/asyncz/api/task/pause?id=report", token).statusCode()).isEqualTo(200);
		assertThat(this.scheduler.get("report")).hasValueSatisfying((task) -> assertThat(task.paused()).isTrue());
		assertThat(this.audit.actions).singleElement().satisfies((action) -> {
			assertThat(action.action()).isEqualTo("pause");
			assertThat(action.principal()).isEqualTo("otto");
		});
	}

	private void assertNotPausedAndNothingAudited() {
		assertThat(this.scheduler.get("report")).hasValueSatisfying((task) -> assertThat(task.paused()).isFalse());
		assertThat(this.audit.actions).isEmpty();
	}

	/**
	 * A client that keeps cookies like a browser and sends the page's headers: Basic
	 * credentials when it has some and the CSRF token as {@code X-XSRF-TOKEN} on writes.
	 */
	private final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		private final @Nullable String credentials;

		Browser(@Nullable String credentials) {
			this.credentials = credentials;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, @Nullable String token) throws IOException, InterruptedException {
			return send(withToken(request(path).POST(HttpRequest.BodyPublishers.noBody()), token));
		}

		HttpResponse<String> delete(String path, @Nullable String token) throws IOException, InterruptedException {
			return send(withToken(request(path).DELETE(), token));
		}

		@Nullable String csrfCookie() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + DashboardSecurityTests.this.port + path));
			if (this.credentials != null) {
				request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(this.credentials.getBytes(StandardCharsets.UTF_8)));
			}
			return request;
		}

		private static HttpRequest.Builder withToken(HttpRequest.Builder request, @Nullable String token) {
			return (token != null) ? request.header("X-XSRF-TOKEN", token) : request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	/**
	 * The security bean exactly as docs/dashboard.md prints it, with two users in memory.
	 * {@code @EnableWebSecurity} stands in for Spring Boot's security starter, which this
	 * module's other tests must not have.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class DocumentedSecurity {

		@Bean
		SecurityFilterChain security(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/asyncz/**")
				.hasAnyRole("VIEWER", "OPERATOR")
				.requestMatchers("/asyncz/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.permitAll()).httpBasic(Customizer.withDefaults()).csrf((csrf) -> csrf.spa());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("vera").password("{noop}vera-secret").roles("VIEWER").build(),
					User.withUsername("otto").password("{noop}otto-secret").roles("OPERATOR").build());
		}

	}

}
