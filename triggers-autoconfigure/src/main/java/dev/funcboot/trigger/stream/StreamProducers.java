package dev.funcboot.trigger.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamOutputBinding;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageChannel;

/**
 * Finds a function's binder and the {@link StreamBroker} that settles for it, and binds producer
 * channels (outputs, dead letters) through it; remembers the producers so they can be unbound.
 */
final class StreamProducers {

	private final BinderFactory binderFactory;

	private final List<StreamBroker> brokers;

	private final StreamBindingProperties bindingProperties;

	private final List<Binding<?>> producers = new CopyOnWriteArrayList<>();

	StreamProducers(BinderFactory binderFactory, List<StreamBroker> brokers, StreamBindingProperties bindingProperties) {
		this.binderFactory = binderFactory;
		this.brokers = List.copyOf(brokers);
		this.bindingProperties = bindingProperties;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	MessageChannel producer(String name, StreamOutputBinding output, FunctionBinding function) {
		String binderName = this.bindingProperties.bindingValue(name, "binder", output.binder());
		Binder binder = binder(binderName, function);
		StreamBroker broker = broker(binder, binderName, function);
		String destination = this.bindingProperties.bindingValue(name, "destination", output.destination());
		DirectChannel channel = new DirectChannel();
		channel.setComponentName(name);
		this.producers.add(binder.bindProducer(destination, channel,
				this.bindingProperties.producer(name, broker.producerExtension(output), broker)));
		return channel;
	}

	Binder<?, ?, ?> binder(String name, FunctionBinding function) {
		try {
			return this.binderFactory.getBinder(name, MessageChannel.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Function '" + function.name() + "' needs the Spring Cloud Stream binder '"
					+ name + "', which is not available: add its library (spring-cloud-stream-binder-kafka, "
					+ "-rabbit, spring-cloud-azure-stream-binder-eventhubs, -servicebus) or configure "
					+ "spring.cloud.stream.binders." + name + ".type: " + ex.getMessage(), ex);
		}
	}

	StreamBroker broker(Binder<?, ?, ?> binder, String name, FunctionBinding function) {
		return this.brokers.stream()
			.filter((broker) -> broker.supports(binder))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Function '" + function.name() + "': binder '" + name + "' ("
					+ binder.getClass().getName() + ") is not one Funcboot settles messages for; use kafka, "
					+ "rabbit, eventhubs or servicebus"));
	}

	void unbindAll() {
		this.producers.forEach(Binding::unbind);
		this.producers.clear();
	}

}
