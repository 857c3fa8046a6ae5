package dev.funcboot.trigger.stream;

import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
		return this.properties.bind("spring.cloud.stream.bindings[" + binding + "]." + key, String.class)
			.orElse(fallback);
	}

	ExtendedConsumerProperties<Object> consumer(String binding, FunctionBinding function, Object extension,
			boolean batch, StreamBroker broker) {
		ExtendedConsumerProperties<Object> consumer = new ExtendedConsumerProperties<>(extension);
		consumer.populateBindingName(binding);
		// Funcboot settles and retries: the binder's own retry would run the function again unseen
		consumer.setMaxAttempts(1);
		consumer.setBatchMode(batch);
		consumer.setAutoStartup(true);
		this.properties.bind("spring.cloud.stream.bindings[" + binding + "].consumer", Bindable.ofInstance(consumer));
		this.properties.bind("spring.cloud.stream." + broker.propertiesName() + ".bindings[" + binding + "].consumer",
				Bindable.ofInstance(extension));
		return consumer;
	}

	ExtendedProducerProperties<Object> producer(String binding, Object extension, StreamBroker broker) {
		ExtendedProducerProperties<Object> producer = new ExtendedProducerProperties<>(extension);
		producer.populateBindingName(binding);
		this.properties.bind("spring.cloud.stream.bindings[" + binding + "].producer", Bindable.ofInstance(producer));
		this.properties.bind("spring.cloud.stream." + broker.propertiesName() + ".bindings[" + binding + "].producer",
				Bindable.ofInstance(extension));
		return producer;
	}

}
