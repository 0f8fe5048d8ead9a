package dev.asyncz.autoconfigure.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a running application's actuator over HTTP and reads JSON answers.
 */
final class ActuatorClient {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	private final String base;

	private final @Nullable String authorization;

	ActuatorClient(int port) {
		this(port, null);
	}

	private ActuatorClient(int port, @Nullable String authorization) {
		this.base = "http://127.0.0.1:" + port + "/actuator";
		this.authorization = authorization;
	}

	/**
	 * A client for the same application that sends HTTP Basic credentials.
	 * @param port the application's port
	 * @param user the user name
	 * @param password the password
	 * @return the client
	 */
	static ActuatorClient withBasicAuth(int port, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ActuatorClient(port, "Basic " + credentials);
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	Response delete(String path) {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60));
		return (this.authorization != null) ? request.header("Authorization", this.authorization) : request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), parse(response.body()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return body.isBlank() ? mapper.missingNode() : mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return mapper.missingNode();
		}
	}

	/**
	 * A status and a JSON body (missing when there was none, or it was not JSON).
	 */
	record Response(int status, JsonNode json) {

	}

}
