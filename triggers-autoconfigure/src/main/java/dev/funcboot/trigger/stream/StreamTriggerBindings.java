package dev.funcboot.trigger.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageChannel;

/**
 * Binds every enabled broker function through its Spring Cloud Stream binder, which it gets from
 * {@link BinderFactory} by name: the consumer ({@code <function>-in-0}) delivers into a channel
 * whose only subscriber is the function's {@link StreamTriggerHandler}; each output
 * ({@code <function>-out-<n>}) and the dead-letter destination ({@code <function>-dlq}, where the
 * broker has no dead-lettering of its own) are producer bindings. Starts last and stops first.
 */
final class StreamTriggerBindings implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(StreamTriggerBindings.class);

	private final List<FunctionBinding> functions;

	private final Set<String> batchFunctions;

	private final StreamBindingProperties bindingProperties;

	private final StreamProperties properties;

	private final HandlerFactory handlers;

	private final Map<String, StreamCounts> counts = new ConcurrentHashMap<>();

	private final List<Binding<?>> consumers = new CopyOnWriteArrayList<>();

	/** Each function's consumer binding, while bound. */
	private final Map<String, Binding<?>> consumerOf = new ConcurrentHashMap<>();

	/** The functions whose binder's consumer pauses in place. */
	private final Set<String> pausable = ConcurrentHashMap.newKeySet();

	/** Paused functions, and whether their binding was stopped because its binder cannot pause. */
	private final Map<String, Boolean> paused = new ConcurrentHashMap<>();

	private final StreamProducers producers;

	private volatile boolean running;

	StreamTriggerBindings(List<FunctionBinding> functions, Set<String> batchFunctions, BinderFactory binderFactory,
			List<StreamBroker> brokers, StreamBindingProperties bindingProperties, StreamProperties properties,
			HandlerFactory handlers) {
		this.functions = List.copyOf(functions);
		this.batchFunctions = Set.copyOf(batchFunctions);
		this.producers = new StreamProducers(binderFactory, brokers, bindingProperties);
		this.bindingProperties = bindingProperties;
		this.properties = properties;
		this.handlers = handlers;
		this.functions.forEach((function) -> this.counts.put(function.name(), new StreamCounts()));
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			for (FunctionBinding function : this.functions) {
				bind(function);
			}
		}
		catch (RuntimeException ex) {
			// a failed start is never stopped by the context: release what is bound already
			unbindAll();
			throw ex;
		}
		this.running = true;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void bind(FunctionBinding function) {
		StreamTriggerBinding trigger = (StreamTriggerBinding) function.trigger();
		String input = function.name() + "-in-0";
		String binderName = this.bindingProperties.bindingValue(input, "binder", trigger.binder());
		Binder binder = this.producers.binder(binderName, function);
		StreamBroker broker = this.producers.broker(binder, binderName, function);
		boolean batch = this.batchFunctions.contains(function.name());
		if (batch && !broker.supportsBatches()) {
			throw new IllegalStateException("Function '" + function.name() + "' takes a List, but binder '" + binderName
					+ "' delivers messages one by one; batches come from Kafka and Event Hubs. Take a single message");
		}
		List<MessageChannel> outputs = new ArrayList<>();
		List<StreamOutputBinding> declared = function.outputsOfType(StreamOutputBinding.class);
		for (int i = 0; i < declared.size(); i++) {
			StreamOutputBinding output = declared.get(i);
			outputs.add(this.producers.producer(function.name() + "-out-" + i, output, function));
		}
		MessageChannel deadLetters = null;
		String deadLetter = broker.deadLetterDestination(trigger, function.name());
		if (deadLetter != null) {
			deadLetters = this.producers.producer(function.name() + "-dlq",
					new StreamOutputBinding(trigger.type(), deadLetter, binderName, null, null), function);
		}
		MessageChannel dlq = deadLetters;
		DirectChannel channel = new DirectChannel();
		channel.setComponentName(input);
		channel.subscribe(this.handlers.create(function, outputs, this.counts.get(function.name()),
				(message) -> broker.delivery(message, trigger, dlq)));
		String destination = this.bindingProperties.bindingValue(input, "destination", trigger.destination());
		String group = this.bindingProperties.bindingValue(input, "group", broker.group(trigger));
		Object extension = broker.consumerExtension(trigger, function.name(), batch, this.properties);
		Binding<?> consumer = binder.bindConsumer(destination, group.isEmpty() ? null : group, channel,
				this.bindingProperties.consumer(input, function, extension, batch || broker.consumesPolls(), broker));
		this.consumers.add(consumer);
		this.consumerOf.put(function.name(), consumer);
		if (broker.pausesConsumers()) {
			this.pausable.add(function.name());
		}
		logger.info("Broker function '" + function.name() + "': " + trigger.type() + " '" + destination + "'"
				+ (group.isEmpty() ? "" : " (group '" + group + "')") + " through binder '" + binderName + "'"
				+ (batch ? ", in batches" : broker.consumesPolls() ? ", one invocation per message of each poll" : "") + (outputs.isEmpty() ? "" : ", outputs " + function.outputs())
				+ ((deadLetter != null) ? ", dead letters to '" + deadLetter + "'" : ""));
	}

	@Override
	public synchronized void stop() {
		unbindAll();
		this.running = false;
	}

	private void unbindAll() {
		// consumers first: their last messages may still send outputs and dead letters
		this.consumers.forEach(Binding::unbind);
		this.consumers.clear();
		this.consumerOf.clear();
		// a restart takes events for every function again
		this.paused.clear();
		this.producers.unbindAll();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.isAutoStartup();
	}

	/**
	 * Stops the function's consumer taking messages: the binder pauses it where it can (Kafka: the
	 * consumer stays in its group, its partitions paused), else the binding is stopped (its
	 * unacknowledged messages go back to the broker). Messages in hand finish and are settled.
	 * @return whether the function is bound here
	 */
	synchronized boolean pause(String function) {
		Binding<?> consumer = this.consumerOf.get(function);
		if (consumer == null) {
			return false;
		}
		if (!this.paused.containsKey(function)) {
			boolean stopped = !this.pausable.contains(function);
			if (stopped) {
				consumer.stop();
			}
			else {
				consumer.pause();
			}
			this.paused.put(function, stopped);
			logger.info("Broker function '" + function + "' paused" + (stopped ? " (its binding stopped)" : ""));
		}
		return true;
	}

	/**
	 * Has a paused function's consumer take messages again.
	 * @return whether the function is bound here
	 */
	synchronized boolean resume(String function) {
		Binding<?> consumer = this.consumerOf.get(function);
		if (consumer == null) {
			return false;
		}
		Boolean stopped = this.paused.remove(function);
		if (stopped != null) {
			if (stopped) {
				consumer.start();
			}
			else {
				consumer.resume();
			}
			logger.info("Broker function '" + function + "' resumed");
		}
		return true;
	}

	/** Whether the function is paused. */
	boolean isPaused(String function) {
		return this.paused.containsKey(function);
	}

	/** The functions bound here. */
	List<FunctionBinding> functions() {
		return this.functions;
	}

	/** How the function's messages ended. */
	StreamCounts counts(String function) {
		StreamCounts counts = this.counts.get(function);
		return (counts != null) ? counts : new StreamCounts();
	}

	/** Creates a function's handler once its output channels exist. */
	@FunctionalInterface
	interface HandlerFactory {

		StreamTriggerHandler create(FunctionBinding function, List<MessageChannel> outputs, StreamCounts counts,
				StreamTriggerHandler.DeliveryFactory deliveries);

	}

}
