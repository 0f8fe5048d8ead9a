package dev.asyncz.autoconfigure.actuate;

import java.util.function.Supplier;

import dev.asyncz.core.SchedulerStateException;
import dev.asyncz.store.CorruptTaskException;
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
 * task, store or path (naming the accepted paths), 400 with a message naming the accepted
 * values for a bad request, 409 naming why a retried quarantined task still cannot be
 * read, 503 once the scheduler has shut down (its stores are closed).
 */
@EndpointWebExtension(endpoint = AsynczEndpoint.class)
public final class AsynczEndpointWebExtension {

	/** The status of a request the stored data cannot satisfy as it is. */
	private static final int STATUS_CONFLICT = 409;

	private final AsynczEndpoint delegate;

	AsynczEndpointWebExtension(AsynczEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * The scheduler, with task names shown as {@code show-values} allows this caller.
	 * @param securityContext who asks
	 * @return the scheduler's state, stores, executors and the tasks due next
	 */
	@ReadOperation
	public WebEndpointResponse<Object> scheduler(SecurityContext securityContext) {
		return respond(() -> this.delegate.scheduler(securityContext), "No scheduler");
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
	 * @param securityContext who asks
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param function only tasks calling this function
	 * @param state only {@code SCHEDULED}, only {@code PAUSED} or only {@code FAILED}
	 * tasks
	 * @param offset how many matching tasks to skip
	 * @param limit the page size, capped
	 * @return the page, 404 for an unknown store or path, or 400 for a bad filter
	 */
	@ReadOperation
	public WebEndpointResponse<Object> tasks(SecurityContext securityContext, @Selector String stores,
			@Selector String store, @Nullable String function, @Nullable String state, @Nullable Long offset,
			@Nullable Integer limit) {
		return respond(() -> this.delegate.tasks(securityContext, stores, store, function, state, offset, limit),
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

	/**
	 * A page of one store's quarantined tasks.
	 * @param securityContext who asks
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param offset how many to skip
	 * @param limit the page size, capped
	 * @return the page, 404 for an unknown store or path, or 400 for a bad offset or
	 * limit
	 */
	@ReadOperation
	public WebEndpointResponse<Object> quarantine(SecurityContext securityContext, @Selector String stores,
			@Selector String store, @Selector String quarantine, @Nullable Long offset, @Nullable Integer limit) {
		return respond(() -> this.delegate.quarantine(securityContext, stores, store, quarantine, offset, limit),
				"No store named '" + store + "'");
	}

	/**
	 * Retries a quarantined task.
	 * @param securityContext who asks
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param id the task id
	 * @param action {@code retry}
	 * @return what was done, 404 when the store holds no such quarantined task, 400 for
	 * another action, or 409 naming why the data still cannot be read (it stays
	 * quarantined)
	 */
	@WriteOperation
	public WebEndpointResponse<Object> retryQuarantined(SecurityContext securityContext, @Selector String stores,
			@Selector String store, @Selector String quarantine, @Selector String id, String action) {
		try {
			return respond(() -> this.delegate.retryQuarantined(securityContext, stores, store, quarantine, id, action),
					noQuarantinedTask(store, id));
		}
		catch (CorruptTaskException ex) {
			return new WebEndpointResponse<>(new ErrorDescriptor(String.valueOf(ex.getMessage())), STATUS_CONFLICT);
		}
	}

	/**
	 * Deletes a quarantined task.
	 * @param securityContext who asks
	 * @param stores the literal path segment {@code stores}
	 * @param store the store name
	 * @param quarantine the literal path segment {@code quarantine}
	 * @param id the task id
	 * @return what was done, or 404 when the store holds no such quarantined task
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> deleteQuarantined(SecurityContext securityContext, @Selector String stores,
			@Selector String store, @Selector String quarantine, @Selector String id) {
		return respond(() -> this.delegate.deleteQuarantined(securityContext, stores, store, quarantine, id),
				noQuarantinedTask(store, id));
	}

	private static String noQuarantinedTask(String store, String id) {
		return "No quarantined task with id '" + id + "' in store '" + store + "'";
	}

	private static WebEndpointResponse<Object> respond(Supplier<@Nullable Object> operation, String notFound) {
		try {
			Object body = operation.get();
			return (body != null) ? new WebEndpointResponse<>(body)
					: new WebEndpointResponse<>(new ErrorDescriptor(notFound), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		catch (UnknownPathException ex) {
			return new WebEndpointResponse<>(new ErrorDescriptor(String.valueOf(ex.getMessage())),
					WebEndpointResponse.STATUS_NOT_FOUND);
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
