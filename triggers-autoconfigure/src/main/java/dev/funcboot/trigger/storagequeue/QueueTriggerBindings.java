package dev.funcboot.trigger.storagequeue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.SettlementCounts;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueBinder;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueConsumerBinding;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;

/**
 * Binds every enabled queue function to its queue through the {@code storagequeue} binder, which
 * it gets from Spring Cloud Stream's {@link BinderFactory}: the consumer delivers into a channel
 * whose only subscriber is the function's {@link QueueTriggerHandler}; output queues are bound by
 * {@link QueueOutputBindings}. The binding properties are built here
 * from the function bindings, so nobody writes {@code spring.cloud.stream.*}. Starts last and
 * stops first, so a stopping application finishes (or releases) its messages while the pipeline
 * is still there.
 */
final class QueueTriggerBindings implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(QueueTriggerBindings.class);

	private final List<FunctionBinding> functions;

	private final BinderFactory binderFactory;

	private final StorageQueueProperties properties;

	private final Function<FunctionBinding, MessageHandler> handlers;

	private final Set<String> batchFunctions;

	// read by Actuator threads while start and stop change them
	private final Map<String, StorageQueueConsumerBinding> consumers = new ConcurrentHashMap<>();

	private volatile StorageQueueBinder binder;

	private volatile boolean running;

	/**
	 * @param functions the queue functions to bind
	 * @param batchFunctions the names of those that take a {@code List} of messages
	 */
	QueueTriggerBindings(List<FunctionBinding> functions, Set<String> batchFunctions, BinderFactory binderFactory,
			StorageQueueProperties properties, Function<FunctionBinding, MessageHandler> handlers) {
		this.functions = List.copyOf(functions);
		this.batchFunctions = Set.copyOf(batchFunctions);
		this.binderFactory = binderFactory;
		this.properties = properties;
		this.handlers = handlers;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		if (!this.functions.isEmpty()) {
			StorageQueueBinder binder = binder();
			try {
				for (FunctionBinding function : this.functions) {
					bind(binder, function);
				}
			}
			catch (RuntimeException ex) {
				// a failed start is never stopped by the context: release what is bound already
				unbindAll();
				throw ex;
			}
		}
		this.running = true;
	}

	private void bind(StorageQueueBinder binder, FunctionBinding function) {
		QueueTriggerBinding trigger = (QueueTriggerBinding) function.trigger();
		MessageHandler handler = this.handlers.apply(function);
		DirectChannel input = new DirectChannel();
		input.setComponentName(function.name() + "-in-0");
		input.subscribe(handler);
		Binding<MessageChannel> consumer = binder.bindConsumer(trigger.queue(), function.name(), input,
				QueueBindingProperties.consumer(function, trigger,
				this.batchFunctions.contains(function.name()), this.properties));
		this.consumers.put(function.name(), (StorageQueueConsumerBinding) consumer);
		logger.info("Queue function '" + function.name() + "': queue '" + trigger.queue() + "' (connection '"
				+ trigger.connection() + "', batch " + trigger.options().batchSize() + ", poison queue '"
				+ trigger.poisonQueue() + "')" + (function.outputs().isEmpty() ? "" : ", outputs " + function.outputs()));
	}

	private StorageQueueBinder binder() {
		Binder<MessageChannel, ?, ?> binder = this.binderFactory.getBinder(StorageQueueBinder.TYPE, MessageChannel.class);
		if (!(binder instanceof StorageQueueBinder storageQueueBinder)) {
			throw new IllegalStateException("Spring Cloud Stream returned " + binder.getClass().getName()
					+ " for the binder 'storagequeue'; queue functions need Funcboot's StorageQueueBinder. "
					+ "Remove the Binder bean from the application context (e.g. the test binder)");
		}
		this.binder = storageQueueBinder;
		return storageQueueBinder;
	}

	@Override
	public synchronized void stop() {
		unbindAll();
		this.running = false;
	}

	private void unbindAll() {
		// the output bindings stop later: the last messages may still send outputs
		this.consumers.values().forEach(Binding::unbind);
		this.consumers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.isAutoStartup();
	}

	/** The consumer binding of a function, or {@code null} when it is not bound. */
	StorageQueueConsumerBinding consumer(String function) {
		return this.consumers.get(function);
	}

	/** How the function's messages ended; zero counts before its queue was first bound. */
	SettlementCounts counts(String function) {
		StorageQueueBinder binder = this.binder;
		SettlementCounts counts = (binder != null) ? binder.counts(queueOf(function), function) : null;
		return (counts != null) ? counts : new SettlementCounts();
	}

	private String queueOf(String function) {
		for (FunctionBinding binding : this.functions) {
			if (binding.name().equals(function)) {
				return ((QueueTriggerBinding) binding.trigger()).queue();
			}
		}
		return null;
	}

}
