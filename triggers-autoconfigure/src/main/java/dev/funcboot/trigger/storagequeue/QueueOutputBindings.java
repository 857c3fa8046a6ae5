package dev.funcboot.trigger.storagequeue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.autoconfigure.OutputSenderProvider;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueBinder;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.MessageChannel;

/**
 * The producer bindings of every function's output queues, whatever its trigger (HTTP, queue,
 * blob, ...): one {@code storagequeue} producer per {@code @QueueOutput}. Starts before the web
 * server and the queue listeners and stops after them, so no invocation finds its outputs unbound.
 */
final class QueueOutputBindings implements SmartLifecycle, OutputSenderProvider {

	/** Before the web server (default phase - 1024) and the queue listeners (default phase). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final List<FunctionBinding> functions;

	private final BinderFactory binderFactory;

	private final StorageQueueProperties properties;

	private final ObjectMapper mapper;

	private final TraceHeaders traceHeaders;

	private final Map<String, List<MessageChannel>> channels = new ConcurrentHashMap<>();

	private final List<Binding<MessageChannel>> producers = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	QueueOutputBindings(List<FunctionBinding> functions, BinderFactory binderFactory,
			StorageQueueProperties properties, ObjectMapper mapper, TraceHeaders traceHeaders) {
		this.functions = functions.stream()
			.filter((function) -> !function.outputsOfType(QueueOutputBinding.class).isEmpty())
			.toList();
		this.binderFactory = binderFactory;
		this.properties = properties;
		this.mapper = mapper;
		this.traceHeaders = traceHeaders;
	}

	@Override
	public Set<String> outputTypes() {
		return Set.of(QueueOutputBinding.TYPE);
	}

	@Override
	public OutputSender senderFor(FunctionBinding function) {
		if (function.outputsOfType(QueueOutputBinding.class).isEmpty()) {
			return null;
		}
		return new QueueOutputSender(function.name(), () -> this.channels.get(function.name()), this.mapper,
				this.traceHeaders);
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			for (FunctionBinding function : this.functions) {
				bind(binder(), function);
			}
		}
		catch (RuntimeException ex) {
			unbindAll();
			throw ex;
		}
		this.running = true;
	}

	private void bind(StorageQueueBinder binder, FunctionBinding function) {
		List<MessageChannel> outputs = new ArrayList<>();
		for (QueueOutputBinding output : function.outputsOfType(QueueOutputBinding.class)) {
			DirectChannel channel = new DirectChannel();
			channel.setComponentName(function.name() + "-out-" + outputs.size());
			this.producers.add(binder.bindProducer(output.queue(), channel,
					QueueBindingProperties.producer(function, output, this.properties)));
			outputs.add(channel);
		}
		this.channels.put(function.name(), List.copyOf(outputs));
	}

	private StorageQueueBinder binder() {
		Binder<MessageChannel, ?, ?> binder = this.binderFactory.getBinder(StorageQueueBinder.TYPE, MessageChannel.class);
		if (!(binder instanceof StorageQueueBinder storageQueueBinder)) {
			throw new IllegalStateException("Spring Cloud Stream returned " + binder.getClass().getName()
					+ " for the binder 'storagequeue'; @QueueOutput needs Funcboot's StorageQueueBinder. "
					+ "Remove the Binder bean from the application context (e.g. the test binder)");
		}
		return storageQueueBinder;
	}

	@Override
	public synchronized void stop() {
		unbindAll();
		this.running = false;
	}

	private void unbindAll() {
		this.channels.clear();
		this.producers.forEach(Binding::unbind);
		this.producers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.isAutoStartup();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
