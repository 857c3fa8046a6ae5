package dev.funcboot.trigger.cosmos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.azure.cosmos.ChangeFeedProcessor;
import com.azure.cosmos.ChangeFeedProcessorBuilder;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.ChangeFeedProcessorOptions;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.context.SmartLifecycle;

/**
 * One change feed processor per Cosmos DB function (host name: the application's, lease prefix:
 * the function's name, so several functions share a lease container), started last and stopped
 * first.
 */
final class CosmosChangeFeedProcessors implements SmartLifecycle {

	private final List<FunctionBinding> functions;

	private final Map<String, CosmosChangeHandler> handlers;

	private final Function<String, CosmosAsyncClient> clients;

	private final String hostName;

	private final boolean autoStartup;

	private final List<ChangeFeedProcessor> processors = new ArrayList<>();

	private volatile boolean running;

	CosmosChangeFeedProcessors(List<FunctionBinding> functions, Map<String, CosmosChangeHandler> handlers,
			Function<String, CosmosAsyncClient> clients, String hostName, boolean autoStartup) {
		this.functions = List.copyOf(functions);
		this.handlers = Map.copyOf(handlers);
		this.clients = clients;
		this.hostName = hostName;
		this.autoStartup = autoStartup;
	}

	/** The processor options of a function, as its binding says. */
	static ChangeFeedProcessorOptions options(String function, CosmosDBTriggerBinding trigger) {
		return new ChangeFeedProcessorOptions().setLeasePrefix(function + ".")
			.setMaxItemCount(trigger.maxItemsPerInvocation())
			.setFeedPollDelay(trigger.feedPollDelay())
			.setStartFromBeginning(trigger.startFromBeginning());
	}

	@Override
	public synchronized void start() {
		for (FunctionBinding function : this.functions) {
			CosmosDBTriggerBinding trigger = (CosmosDBTriggerBinding) function.trigger();
			CosmosAsyncClient client = this.clients.apply(trigger.connection());
			ChangeFeedProcessor processor = new ChangeFeedProcessorBuilder().hostName(this.hostName)
				.feedContainer(client.getDatabase(trigger.database()).getContainer(trigger.container()))
				.leaseContainer(client.getDatabase(trigger.database()).getContainer(trigger.leaseContainer()))
				.handleChanges(this.handlers.get(function.name()))
				.options(options(function.name(), trigger))
				.buildChangeFeedProcessor();
			processor.start().block(Duration.ofMinutes(1));
			this.processors.add(processor);
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		for (ChangeFeedProcessor processor : this.processors) {
			processor.stop().block(Duration.ofMinutes(1));
		}
		this.processors.clear();
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

	List<FunctionBinding> functions() {
		return this.functions;
	}

	CosmosChangeHandler handler(String function) {
		return this.handlers.get(function);
	}

}
