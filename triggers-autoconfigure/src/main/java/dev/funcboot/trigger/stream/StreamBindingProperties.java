package dev.funcboot.trigger.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.core.env.Environment;

/**
 * The Spring Cloud Stream binding properties of a broker function, made from its function binding
 * (what {@code spring.cloud.stream.bindings.<function>-in-0.*} and
 * {@code spring.cloud.stream.<binder>.bindings.<function>-in-0.*} would say, had a user written
 * them); then whatever the user did write there is applied on top, so it overrides.
 */
final class StreamBindingProperties {

	private final Binder properties;

	StreamBindingProperties(Environment environment) {
		this.properties = Binder.get(environment);
	}

	/** A value of {@code spring.cloud.stream.bindings.<binding>.<key>}, or the fallback. */
	String bindingValue(String binding, String key, String fallback) {
		Object value = section("spring.cloud.stream.bindings", binding).get(key);
		return (value != null && !(value instanceof Map)) ? String.valueOf(value) : fallback;
	}

	ExtendedConsumerProperties<Object> consumer(String binding, FunctionBinding function, Object extension,
			boolean batch, StreamBroker broker) {
		ExtendedConsumerProperties<Object> consumer = new ExtendedConsumerProperties<>(extension);
		consumer.populateBindingName(binding);
		// Funcboot settles and retries: the binder's own retry would run the function again unseen
		consumer.setMaxAttempts(1);
		consumer.setBatchMode(batch);
		consumer.setAutoStartup(true);
		apply(section("spring.cloud.stream.bindings", binding).get("consumer"), consumer);
		apply(section("spring.cloud.stream." + broker.propertiesName() + ".bindings", binding).get("consumer"),
				extension);
		broker.consumerProperties(consumer);
		return consumer;
	}

	ExtendedProducerProperties<Object> producer(String binding, Object extension, StreamBroker broker) {
		ExtendedProducerProperties<Object> producer = new ExtendedProducerProperties<>(extension);
		producer.populateBindingName(binding);
		apply(section("spring.cloud.stream.bindings", binding).get("producer"), producer);
		apply(section("spring.cloud.stream." + broker.propertiesName() + ".bindings", binding).get("producer"),
				extension);
		return producer;
	}

	/**
	 * What the user wrote under {@code <prefix>.<binding>}, as nested maps. Bound as a map, as
	 * Spring Cloud Stream binds it, so binding names such as {@code orderBatch-in-0} keep their case.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> section(String prefix, String binding) {
		Map<String, Object> all = this.properties.bind(prefix, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		Object section = all.get(binding);
		return (section instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/** Binds the user's values onto the generated properties object, overriding what they name. */
	private static void apply(Object values, Object target) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("override", values, flat);
		if (!flat.isEmpty()) {
			new Binder(new MapConfigurationPropertySource(flat)).bind("override", Bindable.ofInstance(target));
		}
	}

	private static void flatten(String prefix, Object value, Map<String, Object> flat) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, nested) -> flatten(prefix + "." + key, nested, flat));
		}
		else if (value != null) {
			flat.put(prefix, value);
		}
	}

}
