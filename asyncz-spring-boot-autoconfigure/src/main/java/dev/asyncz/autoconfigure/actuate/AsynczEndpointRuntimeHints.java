package dev.asyncz.autoconfigure.actuate;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The endpoint's descriptor records, which Jackson writes by reflection. Actuator
 * registers the return types of operations itself, but the web extension returns them as
 * {@code Object} in a {@code WebEndpointResponse}, so each is registered here.
 */
class AsynczEndpointRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), descriptors(AsynczEndpoint.class));
		this.bindings.registerReflectionHints(hints.reflection(), descriptors(AsynczEndpointWebExtension.class));
	}

	static Class<?>[] descriptors(Class<?> endpoint) {
		return Arrays.stream(endpoint.getDeclaredClasses()).filter(Class::isRecord).toArray(Class<?>[]::new);
	}

}
