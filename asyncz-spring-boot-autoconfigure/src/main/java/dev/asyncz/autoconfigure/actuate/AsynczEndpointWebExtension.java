package dev.asyncz.autoconfigure.actuate;

import java.util.function.Supplier;

import dev.asyncz.core.SchedulerStateException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP status codes for the {@link AsynczEndpoint}: 404 with a message for an unknown
 * task or store, 400 with a message naming the accepted values for a bad request, 503
 * once the scheduler has shut down (its stores are closed).
 */
@EndpointWebExtension(endpoint = AsynczEndpoint.class)
public final class AsynczEndpointWebExtension {

	private final AsynczEndpoint delegate;

	AsynczEndpointWebExtension(AsynczEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * One task in detail, with arguments shown as {@code show-values} allows this caller.
	 * @param securityContext who asks
	 * @param id the task id
	 * @return the task, or 404 for an unknown task
	 */
	@ReadOperation
	public WebEndpointResponse<Object> task(SecurityContext securityContext, @Selector String id) {
		return respond(() -> this.delegate.task(securityContext, id), noTask(id));
	}

	/**
	 * A page of one store's tasks.
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param function only tasks calling this function
	 * @param state only {@code SCHEDULED}, only {@code PAUSED} or only {@code FAILED}
	 * tasks
	 * @param offset how many matching tasks to skip
	 * @param limit the page size, capped
	 * @return the page, 404 for an unknown store, or 400 for a bad filter
	 */
	@ReadOperation
	public WebEndpointResponse<Object> tasks(@Selector String stores, @Selector String store, @Nullable String function,
			@Nullable String state, @Nullable Long offset, @Nullable Integer limit) {
		return respond(() -> this.delegate.tasks(stores, store, function, state, offset, limit),
				"No store named '" + store + "'");
	}

	/**
	 * Pauses, resumes or runs one task now; running or resuming a failed task runs it
	 * afresh.
	 * @param securityContext who asks
	 * @param id the task id
	 * @param action {@code pause}, {@code resume} or {@code run}
	 * @return what was done, 404 for an unknown task, or 400 for an unknown action
	 */
	@WriteOperation
	public WebEndpointResponse<Object> act(SecurityContext securityContext, @Selector String id, String action) {
		return respond(() -> this.delegate.act(securityContext, id, action), noTask(id));
	}

	/**
	 * Deletes one task.
	 * @param securityContext who asks
	 * @param id the task id
	 * @return what was done, or 404 for an unknown task
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> delete(SecurityContext securityContext, @Selector String id) {
		return respond(() -> this.delegate.delete(securityContext, id), noTask(id));
	}

	private static WebEndpointResponse<Object> respond(Supplier<@Nullable Object> operation, String notFound) {
		try {
			Object body = operation.get();
			return (body != null) ? new WebEndpointResponse<>(body)
					: new WebEndpointResponse<>(new ErrorDescriptor(notFound), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (InvalidEndpointRequestException ex) {
			return new WebEndpointResponse<>(new ErrorDescriptor(String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		catch (SchedulerStateException ex) {
			// The application is stopping: nothing is wrong with the request.
			return new WebEndpointResponse<>(new ErrorDescriptor(String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

	private static String noTask(String id) {
		return "No task with id '" + id + "'";
	}

	/**
	 * Why a request failed.
	 *
	 * @param message what was wrong, naming the accepted values where there are any
	 */
	public record ErrorDescriptor(String message) implements OperationResponseBody {

	}

}
