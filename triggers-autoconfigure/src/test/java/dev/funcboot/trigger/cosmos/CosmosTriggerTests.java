package dev.funcboot.trigger.cosmos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.ChangeFeedProcessorOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.CosmosDBTrigger;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cosmos DB change feed trigger without an account (no emulator runs here): the binding from
 * annotation and properties, the processor options, back-off without the SDK, and the handler the
 * processor calls with each batch of changes (batching, retry in place, poison, exhausted retries,
 * undecodable documents) running the real pipeline. The processors never start
 * ({@code funcboot.cosmos.auto-startup=false}).
 */
class CosmosTriggerTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, CosmosTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.cosmos.auto-startup=false", "funcboot.cosmos.retry-delay=250ms")
		.withUserConfiguration(CosmosFunctions.class);

	private final List<Duration> sleeps = new ArrayList<>();

	@BeforeEach
	void reset() {
		CosmosFunctions.batches.clear();
	}

	@Test
	void theAnnotationAndPropertiesMakeTheBindingAndItsProcessorOptions() {
		this.runner.withPropertyValues("funcboot.functions.single.cosmos.max-items-per-invocation=10").run((context) -> {
			assertThat(context).hasNotFailed();
			FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
			CosmosDBTriggerBinding orders = (CosmosDBTriggerBinding) registry.get("orders").trigger();
			assertThat(orders).isEqualTo(new CosmosDBTriggerBinding("shop", "orders", "leases", "default", true, 50,
					Duration.ofMillis(500)));
			ChangeFeedProcessorOptions options = CosmosChangeFeedProcessors.options("orders", orders);
			assertThat(options.getLeasePrefix()).isEqualTo("orders.");
			assertThat(options.getMaxItemCount()).isEqualTo(50);
			assertThat(options.getFeedPollDelay()).isEqualTo(Duration.ofMillis(500));
			assertThat(options.isStartFromBeginning()).isTrue();
			assertThat(((CosmosDBTriggerBinding) registry.get("single").trigger()).maxItemsPerInvocation()).isEqualTo(10);
			assertThat(context).hasSingleBean(CosmosChangeFeedProcessors.class);
			assertThat(context.getBean(CosmosChangeFeedProcessors.class).isRunning()).isFalse();
			assertThat(context.getBeansOfType(TriggerStatus.class).values())
				.anyMatch((status) -> status.triggerType().equals("cosmosdb"));
		});
	}

	@Test
	void aLeaseContainerThatIsTheMonitoredContainerFailsTheStartUp() {
		this.runner.withPropertyValues("funcboot.functions.orders.cosmos.lease-container=orders")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("Function 'orders': the lease container must not be the monitored container"));
	}

	@Test
	void backsOffWithoutTheCosmosSdk() {
		this.runner.withClassLoader(new FilteredClassLoader(CosmosAsyncClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CosmosChangeFeedProcessors.class));
	}

	@Test
	void aBatchFunctionGetsEveryDecodableDocumentOfABatchAtOnce() throws Exception {
		handle("orders", docs("{\"id\":\"a\",\"quantity\":1}", "{\"id\":\"b\",\"quantity\":\"lots\"}",
				"{\"id\":\"c\",\"quantity\":2}"), (handler) -> {
					assertThat(CosmosFunctions.batches).hasSize(1);
					assertThat(CosmosFunctions.batches.get(0)).extracting(Order::id).containsExactly("a", "c");
					assertThat(handler.completed).hasValue(2);
					assertThat(handler.deadLettered).hasValue(1);
					assertThat(handler.lastDeadLetterReason).contains("InputConversionException");
				});
	}

	@Test
	void aFailedBatchIsRetriedInPlaceThenSucceeds() throws Exception {
		handle("orders", docs("{\"id\":\"flaky\",\"quantity\":1}", "{\"id\":\"d\",\"quantity\":1}"), (handler) -> {
			// the first call fails: the same batch again after the retry policy's delay
			assertThat(CosmosFunctions.batches).hasSize(2);
			assertThat(this.sleeps).containsExactly(Duration.ofMillis(20));
			assertThat(handler.retried).hasValue(2);
			assertThat(handler.completed).hasValue(2);
		});
	}

	@Test
	void poisonAndExhaustedRetriesAreCountedAndTheFeedMovesOn() throws Exception {
		handle("single", docs("{\"id\":\"poison\",\"quantity\":1}", "{\"id\":\"broken\",\"quantity\":1}",
				"{\"id\":\"e\",\"quantity\":1}"), (handler) -> {
					// single-document function: each document on its own; no retry policy: max-attempts (5)
					assertThat(handler.completed).hasValue(1);
					assertThat(handler.deadLettered).hasValue(2);
					assertThat(handler.retried).hasValue(4);
					assertThat(this.sleeps).hasSize(4).containsOnly(Duration.ofMillis(250));
					assertThat(handler.lastDeadLetterReason).startsWith("retries exhausted after 5 attempts")
						.contains("disk full");
				});
	}

	private void handle(String function, List<JsonNode> documents, Consumer<CosmosChangeHandler> then) {
		this.runner.run((context) -> {
			CosmosChangeHandler handler = new CosmosChangeHandler(context.getBean(FunctionHandles.class).get(function),
					context.getBean(InvocationPipeline.class), JSON, context.getBean(CosmosProperties.class),
					this.sleeps::add);
			handler.accept(documents);
			then.accept(handler);
		});
	}

	private static List<JsonNode> docs(String... json) throws Exception {
		List<JsonNode> nodes = new ArrayList<>();
		for (String text : json) {
			nodes.add(JSON.readTree(text));
		}
		return nodes;
	}

	record Order(String id, int quantity) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CosmosFunctions {

		static final List<List<Order>> batches = new CopyOnWriteArrayList<>();

		@Bean
		@CosmosDBTrigger(database = "shop", container = "orders", startFromBeginning = true,
				maxItemsPerInvocation = 50, feedPollDelay = "500ms")
		@FixedDelayRetry(maxAttempts = 3, delay = "20ms")
		Consumer<List<Order>> orders() {
			return (orders) -> {
				batches.add(List.copyOf(orders));
				if (batches.size() == 1 && orders.get(0).id().equals("flaky")) {
					throw new IllegalStateException("throttled (429)");
				}
			};
		}

		@Bean
		@CosmosDBTrigger(database = "shop", container = "payments")
		Consumer<Order> single() {
			return (order) -> {
				if (order.id().equals("poison")) {
					throw new PoisonMessageException("payment without order");
				}
				if (order.id().equals("broken")) {
					throw new IllegalStateException("disk full");
				}
			};
		}

	}

}
