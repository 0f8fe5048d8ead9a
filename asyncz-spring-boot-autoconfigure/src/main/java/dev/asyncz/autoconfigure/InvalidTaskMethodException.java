package dev.asyncz.autoconfigure;

import java.lang.reflect.Method;

import dev.asyncz.AsynczException;

import org.springframework.util.ClassUtils;

/**
 * A method annotated with {@link dev.asyncz.annotation.ScheduledTask @ScheduledTask} or
 * {@link dev.asyncz.annotation.TaskFunction @TaskFunction} that cannot become a task or a
 * function: a bad attribute value, a missing or conflicting schedule, an unusable
 * signature. Thrown at startup; the message names the bean, the method and the attribute.
 */
public class InvalidTaskMethodException extends AsynczException {

	private static final long serialVersionUID = 1L;

	private final String beanName;

	private final String method;

	private final String attribute;

	private final String action;

	/**
	 * Creates the exception.
	 * @param beanName the bean that declares the method
	 * @param method the method
	 * @param attribute the annotation attribute at fault, such as
	 * {@code @ScheduledTask(cron)}, or {@code parameters} for the method's signature
	 * @param problem what is wrong, naming the bad value
	 * @param action what to write instead
	 */
	public InvalidTaskMethodException(String beanName, Method method, String attribute, String problem, String action) {
		super("Method " + describe(method) + " of bean '" + beanName + "': " + attribute + ": " + problem);
		this.beanName = beanName;
		this.method = describe(method);
		this.attribute = attribute;
		this.action = action;
	}

	private static String describe(Method method) {
		return ClassUtils.getQualifiedMethodName(method) + "()";
	}

	/**
	 * The bean that declares the method.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The method, as {@code com.example.Jobs.report()}.
	 * @return the qualified method name
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The annotation attribute at fault, such as {@code @ScheduledTask(cron)}, or
	 * {@code parameters} for the method's signature.
	 * @return the attribute name
	 */
	public String getAttribute() {
		return this.attribute;
	}

	/**
	 * What to change.
	 * @return the advice
	 */
	public String getAction() {
		return this.action;
	}

}
