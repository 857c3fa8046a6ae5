package dev.funcboot.trigger.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.autoconfigure.OutputSenderProvider;
import dev.funcboot.autoconfigure.TraceHeaders;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.StreamTriggerBinding;

import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.MessageChannel;

/**
 * Broker outputs ({@code @KafkaOutput}, {@code @RabbitOutput}, {@code @EventHubOutput},
 * {@code @ServiceBusOutput}) of functions whose trigger is not a broker (HTTP, Storage queue, ...):
 * one producer binding each, started before the web server and the listeners. Each message carries
 * the sending invocation's trace headers, so a chain HTTP → queue → topic stays one trace. (Broker
 * functions bind their outputs with their consumer, in {@link StreamTriggerBindings}.)
 */
final class StreamOutputBindings implements SmartLifecycle, OutputSenderProvider {

	/** Before the web server (default phase - 1024) and every listener. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final List<FunctionBinding> functions;

	private final StreamProducers producers;

	private final ObjectMapper mapper;

	private final TraceHeaders traceHeaders;

	private final boolean autoStartup;

	private final Map<String, List<MessageChannel>> channels = new ConcurrentHashMap<>();

	private volatile boolean running;

	StreamOutputBindings(List<FunctionBinding> functions, StreamProducers producers, ObjectMapper mapper,
			TraceHeaders traceHeaders, boolean autoStartup) {
		this.functions = functions.stream().filter(StreamOutputBindings::sendsHere).toList();
		this.producers = producers;
		this.mapper = mapper;
		this.traceHeaders = traceHeaders;
		this.autoStartup = autoStartup;
	}

	private static boolean sendsHere(FunctionBinding function) {
		return !(function.trigger() instanceof StreamTriggerBinding)
				&& !function.outputsOfType(StreamOutputBinding.class).isEmpty();
	}

	@Override
	public Set<String> outputTypes() {
		return Set.of(StreamTriggerBinding.KAFKA, StreamTriggerBinding.RABBIT, StreamTriggerBinding.EVENT_HUB,
				StreamTriggerBinding.SERVICE_BUS);
	}

	@Override
	public OutputSender senderFor(FunctionBinding function) {
		if (!sendsHere(function)) {
			return null;
		}
		return (result) -> {
			List<MessageChannel> bound = this.channels.get(function.name());
			if (bound == null) {
				throw new IllegalStateException("The broker outputs of function '" + function.name()
						+ "' are not bound (the application is starting or stopping); retry");
			}
			new StreamOutputSender(bound, this.mapper, this.traceHeaders).send(result, this.traceHeaders.current());
		};
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		try {
			for (FunctionBinding function : this.functions) {
				List<MessageChannel> outputs = new ArrayList<>();
				List<StreamOutputBinding> declared = function.outputsOfType(StreamOutputBinding.class);
				for (int i = 0; i < declared.size(); i++) {
					outputs.add(this.producers.producer(function.name() + "-out-" + i, declared.get(i), function));
				}
				this.channels.put(function.name(), List.copyOf(outputs));
			}
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.channels.clear();
		this.producers.unbindAll();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
