package dev.asyncz.autoconfigure.internal;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.asyncz.annotation.ScheduledTask;
import dev.asyncz.annotation.ScheduledTasks;
import dev.asyncz.annotation.TaskFunction;
import dev.asyncz.autoconfigure.AsynczProperties;
import dev.asyncz.autoconfigure.InvalidTaskMethodException;
import dev.asyncz.core.Scheduler;
import dev.asyncz.task.ConflictingIdException;
import dev.asyncz.task.InvalidTaskException;
import dev.asyncz.task.RetryPolicy;
import dev.asyncz.task.Task;
import dev.asyncz.task.TaskContext;
import dev.asyncz.task.TaskOptions;
import dev.asyncz.task.TaskRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;
import org.springframework.util.function.SingletonSupplier;

/**
 * Finds {@link ScheduledTask @ScheduledTask} and {@link TaskFunction @TaskFunction}
 * methods on beans, registers them as task functions of the scheduler and adds the
 * scheduled tasks. Beans are collected as they are created and handled once all
 * singletons exist (beans created later, such as lazy ones, at once), so the scheduler
 * and its stores are ready. Annotations are looked up on the target class and methods are
 * called through the bean's proxy, so advice such as {@code @Transactional} applies.
 */
public final class TaskMethodProcessor implements BeanPostProcessor, SmartInitializingSingleton, BeanFactoryAware,
		EmbeddedValueResolverAware, Ordered {

	private static final Logger logger = LoggerFactory.getLogger(TaskMethodProcessor.class);

	private static final Set<Class<ScheduledTask>> SCHEDULED = Set.of(ScheduledTask.class);

	private final Set<Class<?>> plainClasses = ConcurrentHashMap.newKeySet();

	private final List<AnnotatedBean> pending = new ArrayList<>();

	private boolean singletonsInstantiated;

	private final AtomicInteger scheduledTasks = new AtomicInteger();

	private final AtomicInteger taskFunctions = new AtomicInteger();

	private @Nullable ListableBeanFactory beanFactory;

	private @Nullable StringValueResolver resolver;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ListableBeanFactory.class, beanFactory);
		this.beanFactory = (ListableBeanFactory) beanFactory;
	}

	@Override
	public void setEmbeddedValueResolver(StringValueResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public int getOrder() {
		// Last, so that the bean seen is the final proxy.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof AopInfrastructureBean || bean instanceof Scheduler) {
			return bean;
		}
		Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
		if (this.plainClasses.contains(targetClass) || !AnnotationUtils.isCandidateClass(targetClass,
				List.of(ScheduledTask.class, ScheduledTasks.class, TaskFunction.class))) {
			this.plainClasses.add(targetClass);
			return bean;
		}
		Map<Method, Set<ScheduledTask>> scheduled = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<Set<ScheduledTask>>) (method) -> {
					Set<ScheduledTask> tasks = AnnotatedElementUtils.getMergedRepeatableAnnotations(method,
							ScheduledTask.class, ScheduledTasks.class);
					return tasks.isEmpty() ? null : tasks;
				});
		Map<Method, TaskFunction> functions = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<TaskFunction>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, TaskFunction.class));
		if (scheduled.isEmpty() && functions.isEmpty()) {
			this.plainClasses.add(targetClass);
			return bean;
		}
		AnnotatedBean annotated = new AnnotatedBean(beanName, bean, targetClass, scheduled, functions);
		synchronized (this.pending) {
			if (!this.singletonsInstantiated) {
				this.pending.add(annotated);
				return bean;
			}
		}
		register(List.of(annotated));
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<AnnotatedBean> beans;
		synchronized (this.pending) {
			this.singletonsInstantiated = true;
			beans = new ArrayList<>(this.pending);
			this.pending.clear();
		}
		register(beans);
	}

	private void register(List<AnnotatedBean> beans) {
		if (beans.isEmpty()) {
			return;
		}
		ListableBeanFactory beanFactory = this.beanFactory;
		StringValueResolver resolver = this.resolver;
		Assert.state(beanFactory != null && resolver != null, "Bean factory and value resolver are required");
		Scheduler scheduler = beanFactory.getBean(Scheduler.class);
		JsonMapper jsonMapper = beanFactory.getBeanProvider(JsonMapper.class).getIfUnique(JsonMapper::shared);
		Supplier<RetryPolicy> schedulerRetry = SingletonSupplier.of(() -> schedulerRetry(beanFactory));
		// Everything is checked before anything is registered, so a bad annotation
		// changes nothing.
		Map<String, FunctionMethod> functions = new LinkedHashMap<>();
		ScheduledTaskParser parser = new ScheduledTaskParser(resolver, scheduler.zone(), scheduler.storeNames(),
				scheduler.executors().keySet(), (function) -> {
					FunctionMethod declared = functions.get(function);
					TaskOptions defaults = (declared != null) ? declared.defaults()
							: scheduler.functions().defaults(function);
					return (defaults.retry() != null) ? defaults.retry() : schedulerRetry.get();
				});
		List<TaskMethod> tasks = new ArrayList<>();
		Map<String, TaskMethod> ids = new HashMap<>();
		Instant now = scheduler.clock().instant();
		for (AnnotatedBean collected : beans) {
			AnnotatedBean bean = exposed(beanFactory, collected);
			bean.functions().forEach((method, annotation) -> {
				String name = functionName(bean, method, annotation);
				TaskOptions defaults = TaskOptionAttributes.of(annotation)
					.applyTo(new AttributeReader(resolver, bean.name(), method, "@TaskFunction"), TaskOptions.UNSET,
							schedulerRetry);
				addFunction(functions, new FunctionMethod(name, bean, method, jsonMapper, defaults));
			});
			bean.scheduled().forEach((method, annotations) -> {
				checkScheduledSignature(bean.name(), method);
				TaskFunction named = bean.functions().get(method);
				String function = (named != null) ? functionName(bean, method, named)
						: bean.name() + "." + method.getName();
				if (named == null) {
					addFunction(functions, new FunctionMethod(function, bean, method, jsonMapper, TaskOptions.UNSET));
				}
				for (ScheduledTask annotation : annotations) {
					TaskMethod task = new TaskMethod(bean.name(), method,
							parser.parse(bean.name(), method, annotation, function, now));
					checkUniqueId(ids, task);
					tasks.add(task);
				}
			});
		}
		functions.values().forEach((function) -> function.registerIn(scheduler));
		tasks.forEach((task) -> task.addTo(scheduler));
		this.taskFunctions.addAndGet(beans.stream().mapToInt((bean) -> bean.functions().size()).sum());
		this.scheduledTasks.addAndGet(tasks.size());
	}

	/**
	 * How many tasks {@code @ScheduledTask} annotations added so far.
	 * @return the count
	 */
	public int scheduledTaskCount() {
		return this.scheduledTasks.get();
	}

	/**
	 * How many {@code @TaskFunction} methods were registered so far.
	 * @return the count
	 */
	public int taskFunctionCount() {
		return this.taskFunctions.get();
	}

	/**
	 * The retry policy of tasks that set none and call a function without one, as
	 * {@code asyncz.task-defaults.retry.*} describes it: what the retry attributes of an
	 * annotation that sets only some of them complete themselves with. Read only then.
	 */
	private static RetryPolicy schedulerRetry(ListableBeanFactory beanFactory) {
		AsynczProperties properties = beanFactory.getBeanProvider(AsynczProperties.class).getIfAvailable();
		if (properties == null) {
			return TaskOptions.STANDARD.retry();
		}
		ClassLoader classLoader = (beanFactory instanceof ConfigurableBeanFactory configurable)
				? configurable.getBeanClassLoader() : null;
		return SchedulerPropertiesMapper.retryPolicy(properties.getTaskDefaults().getRetry(), classLoader);
	}

	/**
	 * The bean as other beans see it. A post-processor that is not ordered runs after
	 * this one and may still wrap the bean in a proxy; the singleton registry holds that
	 * final object.
	 */
	private static AnnotatedBean exposed(ListableBeanFactory beanFactory, AnnotatedBean bean) {
		if (beanFactory instanceof ConfigurableListableBeanFactory configurable
				&& configurable.containsSingleton(bean.name())) {
			Object exposed = configurable.getSingleton(bean.name());
			if (exposed != null && exposed != bean.instance()) {
				return new AnnotatedBean(bean.name(), exposed, bean.targetClass(), bean.scheduled(), bean.functions());
			}
		}
		return bean;
	}

	private String functionName(AnnotatedBean bean, Method method, TaskFunction annotation) {
		StringValueResolver resolver = this.resolver;
		String name = (resolver != null) ? resolver.resolveStringValue(annotation.value()) : annotation.value();
		if (!StringUtils.hasText(name)) {
			throw new InvalidTaskMethodException(bean.name(), method, "@TaskFunction(value)",
					"the function name \"" + annotation.value() + "\" is blank",
					"Name the function, as in @TaskFunction(\"send-reminder\").");
		}
		if (MethodTaskFunction.contextParameters(method) > 1) {
			throw new InvalidTaskMethodException(bean.name(), method, "parameters",
					"the method has more than one TaskContext parameter", "Keep one TaskContext parameter.");
		}
		return name.trim();
	}

	private static void addFunction(Map<String, FunctionMethod> functions, FunctionMethod function) {
		FunctionMethod previous = functions.putIfAbsent(function.name(), function);
		if (previous != null) {
			throw new InvalidTaskMethodException(function.bean().name(), function.method(), "@TaskFunction(value)",
					"the function name \"" + function.name() + "\" is also used by " + describe(previous.method())
							+ " of bean '" + previous.bean().name() + "'",
					"Give each task function its own name.");
		}
	}

	private static void checkScheduledSignature(String beanName, Method method) {
		Class<?>[] types = method.getParameterTypes();
		if (types.length > 1 || (types.length == 1 && types[0] != TaskContext.class)) {
			throw new InvalidTaskMethodException(beanName, method, "parameters",
					"a @ScheduledTask method takes no parameters or one TaskContext, not " + List.of(types),
					"Remove the parameters, or take a dev.asyncz.task.TaskContext to read the run's details. "
							+ "To pass arguments, make it a @TaskFunction and add tasks that call it.");
		}
	}

	private static void checkUniqueId(Map<String, TaskMethod> ids, TaskMethod task) {
		String id = task.request().id();
		TaskMethod previous = (id != null) ? ids.putIfAbsent(id, task) : null;
		if (previous != null) {
			throw new InvalidTaskMethodException(task.beanName(), task.method(), "@ScheduledTask(id)",
					"the task id \"" + id + "\" is also declared on " + describe(previous.method()) + " of bean '"
							+ previous.beanName() + "'",
					"Give each @ScheduledTask its own id (a method with several needs an id on each but one).");
		}
	}

	private static String describe(Method method) {
		return ClassUtils.getQualifiedMethodName(method) + "()";
	}

	private record AnnotatedBean(String name, Object instance, Class<?> targetClass,
			Map<Method, Set<ScheduledTask>> scheduled, Map<Method, TaskFunction> functions) {

	}

	private record FunctionMethod(String name, AnnotatedBean bean, Method method, JsonMapper jsonMapper,
			TaskOptions defaults) {

		void registerIn(Scheduler scheduler) {
			Method invocable;
			try {
				invocable = AopUtils.selectInvocableMethod(this.method, this.bean.instance().getClass());
			}
			catch (IllegalStateException ex) {
				throw new InvalidTaskMethodException(this.bean.name(), this.method, "method",
						"it cannot be called through the bean's proxy: " + ex.getMessage(),
						"Declare the method on an interface the bean implements, or proxy the bean's class "
								+ "(spring.aop.proxy-target-class=true).");
			}
			try {
				scheduler.functions()
					.register(this.name, new MethodTaskFunction(this.name, this.bean.instance(), invocable,
							this.bean.targetClass(), this.jsonMapper), this.defaults);
			}
			catch (InvalidTaskException ex) {
				throw new InvalidTaskMethodException(this.bean.name(), this.method, "@TaskFunction(value)",
						ex.getMessage(), "Give the function a name no other function of the scheduler uses.");
			}
		}

	}

	private record TaskMethod(String beanName, Method method, TaskRequest request) {

		void addTo(Scheduler scheduler) {
			try {
				Task task = scheduler.add(this.request);
				logger.debug("Added task '{}' for {}: {}", task.id(), this.method, task.trigger().describe());
			}
			catch (ConflictingIdException ex) {
				// Only possible without replaceExisting: the task kept by a persistent
				// store wins.
				logger.debug("Kept the existing task '{}' instead of the one declared on {}", this.request.id(),
						this.method);
			}
			catch (InvalidTaskException ex) {
				throw new InvalidTaskMethodException(this.beanName, this.method, "@ScheduledTask", ex.getMessage(),
						"Correct the annotation's attributes.");
			}
		}

	}

}
