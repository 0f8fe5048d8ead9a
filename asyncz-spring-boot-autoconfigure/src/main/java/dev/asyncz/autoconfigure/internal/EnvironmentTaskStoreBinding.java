package dev.asyncz.autoconfigure.internal;

import java.beans.PropertyDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.asyncz.autoconfigure.InvalidAsynczPropertyException;
import dev.asyncz.autoconfigure.TaskStoreBinding;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

/**
 * A {@link TaskStoreBinding} over the application's environment. It binds with Spring
 * Boot's {@link Binder} (relaxed names, placeholders, {@code 30s}-style durations) and
 * refuses keys the store type does not know, which {@code @ConfigurationProperties}
 * binding would silently ignore. The {@code type} key is hidden from it: that one belongs
 * to {@link dev.asyncz.autoconfigure.AsynczProperties}.
 */
final class EnvironmentTaskStoreBinding implements TaskStoreBinding {

	private static final ConfigurationPropertyName STORES = ConfigurationPropertyName.of("asyncz.stores");

	private final String name;

	private final String type;

	private final ConfigurationPropertyName root;

	private final Binder binder;

	private boolean bound;

	/**
	 * Creates the binding of one store.
	 * @param name the store's name
	 * @param type the store's type, for messages
	 * @param environment where the keys come from
	 */
	EnvironmentTaskStoreBinding(String name, String type, Environment environment) {
		this.name = name;
		this.type = type;
		this.root = ConfigurationPropertyName.adapt("asyncz.stores." + name, '.');
		ConfigurationPropertyName typeKey = this.root.append("type");
		List<ConfigurationPropertySource> sources = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			sources.add(source.filter((candidate) -> !typeKey.equals(candidate)));
		}
		this.binder = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment));
	}

	/**
	 * The names of the stores that have at least one key under
	 * {@code asyncz.stores.<name>}, as map keys are bound.
	 * @param environment where the keys come from
	 * @return the store names, in the order first seen
	 */
	static Set<String> storeNames(Environment environment) {
		Set<String> names = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream()
					.filter((name) -> STORES.isAncestorOf(name) && name.getNumberOfElements() > 3)
					.map((name) -> name.getElement(2, Form.ORIGINAL))
					.forEach(names::add);
			}
		}
		return names;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public <T> T bind(Class<T> type) {
		this.bound = true;
		try {
			return this.binder.bindOrCreate(this.root, Bindable.of(type),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
		}
		catch (BindException ex) {
			throw invalid(ex, acceptedKeys(type));
		}
	}

	/**
	 * Refuses every key but {@code type} if the factory did not bind any: its store type
	 * has no keys of its own.
	 * @throws InvalidAsynczPropertyException naming the first key that is set
	 */
	void refuseKeysUnlessBound() {
		if (!this.bound) {
			try {
				this.binder.bindOrCreate(this.root, Bindable.of(NoKeys.class),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
			}
			catch (BindException ex) {
				throw invalid(ex, List.of());
			}
		}
	}

	private InvalidAsynczPropertyException invalid(BindException ex, List<String> acceptedKeys) {
		if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
			return unknownKey(unbound.getUnboundProperties(), acceptedKeys);
		}
		ConfigurationProperty property = ex.getProperty();
		String key = (property != null) ? property.getName().toString() : ex.getName().toString();
		String value = (property != null) ? String.valueOf(property.getValue()) : null;
		Class<?> target = ex.getTarget().getType().toClass();
		return new InvalidAsynczPropertyException(key, value, "not " + describe(target),
				"Set " + example(target) + " for '" + key + "' of a store of type " + this.type + ".");
	}

	private InvalidAsynczPropertyException unknownKey(Set<ConfigurationProperty> unbound, List<String> acceptedKeys) {
		ConfigurationProperty first = unbound.iterator().next();
		String key = first.getName().toString();
		String others = unbound.stream()
			.skip(1)
			.map((property) -> property.getName().toString())
			.collect(Collectors.joining(", "));
		String problem = "a store of type " + this.type + " has no such key"
				+ (others.isEmpty() ? "" : " (nor " + others + ")");
		String typeKey = key("type");
		String keys = acceptedKeys.isEmpty() ? "A store of type " + this.type + " takes no key but type"
				: "A store of type " + this.type + " takes the keys: type, " + String.join(", ", acceptedKeys);
		return new InvalidAsynczPropertyException(key, String.valueOf(first.getValue()), problem,
				keys + ". Correct or remove '" + key + "', or set '" + typeKey + "' to the store type it belongs to.");
	}

	private static List<String> acceptedKeys(Class<?> type) {
		return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
			.filter((descriptor) -> descriptor.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.map(DataObjectPropertyName::toDashedForm)
			.sorted()
			.toList();
	}

	private static String describe(Class<?> target) {
		if (target.isEnum()) {
			return "one of " + enumValues(target);
		}
		if (Duration.class.equals(target)) {
			return "a duration";
		}
		if (Boolean.class.equals(target) || boolean.class.equals(target)) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			return "a number";
		}
		return "a " + target.getSimpleName();
	}

	private static String example(Class<?> target) {
		if (target.isEnum()) {
			return "one of " + enumValues(target);
		}
		if (Duration.class.equals(target)) {
			return "a duration such as 30s, 10m or PT10M";
		}
		return describe(target);
	}

	private static String enumValues(Class<?> target) {
		return Arrays.stream(target.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The properties of a store type without keys of its own.
	 */
	static final class NoKeys {

	}

}
