package dev.asyncz.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

import dev.asyncz.task.TaskContext;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;

/**
 * What a native image needs to call an annotated task method: the method is invoked
 * reflectively, and the arguments read back from a persistent store are bound to its
 * parameter types by Jackson. Spring's AOT processing applies it to the methods of every
 * bean that carry {@link ScheduledTask} or {@link TaskFunction}.
 */
final class TaskMethodReflectiveProcessor extends SimpleReflectiveProcessor {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	protected void registerMethodHint(ReflectionHints hints, Method method) {
		super.registerMethodHint(hints, method);
		for (Type parameter : method.getGenericParameterTypes()) {
			if (parameter != TaskContext.class) {
				this.bindings.registerReflectionHints(hints, parameter);
			}
		}
	}

}
