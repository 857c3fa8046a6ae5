package dev.funcboot.durable.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.runtime.DurableWorker;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.functions.pipeline.FunctionStatistics;
import dev.funcboot.functions.pipeline.InvocationOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DurableAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, DurableAutoConfiguration.class))
		.withUserConfiguration(Workflows.class);

	record Greeting(String name, int times) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Workflows {

		/** Function chaining: activities are plain function beans called by name. */
		@Bean
		Orchestrator<Greeting, List<String>> greetings() {
			return (ctx, input) -> {
				String upper = ctx.callActivity("shout", input.name(), String.class).await();
				String hello = ctx.callActivity("hello", upper, String.class).await();
				List<Task<String>> fanOut = new java.util.ArrayList<>();
				for (int i = 0; i < input.times(); i++) {
					fanOut.add(ctx.callActivity("hello", hello + "#" + i, String.class));
				}
				return ctx.allOf(fanOut).await();
			};
		}

		@Bean
		Orchestrator<String, String> callsMissingActivity() {
			return (ctx, input) -> ctx.callActivity("noSuchActivity", input, String.class).await();
		}

		@Bean
		Function<String, String> shout() {
			return (text) -> text.toUpperCase(Locale.ROOT);
		}

		@Bean
		Function<String, String> hello() {
			return (text) -> "hello " + text;
		}

	}

	@Test
	void runsAnOrchestrationEndToEndWithFunctionBeansAsActivities() {
		this.runner.run((context) -> {
			assertThat(context.getBean(OrchestratorCatalog.class).names()).contains("greetings",
					"callsMissingActivity");
			DurableClient client = context.getBean(DurableClient.class);
			String id = client.scheduleNewOrchestration("greetings", new Greeting("ada", 3));
			OrchestrationMetadata done = client.waitForCompletion(id, Duration.ofSeconds(30));
			assertThat(done.status()).isEqualTo(OrchestrationStatus.COMPLETED);
			List<String> output = done.readOutputAs(List.class);
			assertThat(output).containsExactly("hello hello ADA#0", "hello hello ADA#1", "hello hello ADA#2");
			// activities ran through the invocation pipeline, so they are counted like any function
			assertThat(context.getBean(FunctionStatistics.class).counts("hello").get(InvocationOutcome.SUCCESS))
				.isEqualTo(4);
		});
	}

	@Test
	void anUnknownActivityFailsTheInstanceWithAClearMessage() {
		this.runner.run((context) -> {
			DurableClient client = context.getBean(DurableClient.class);
			String id = client.scheduleNewOrchestration("callsMissingActivity", "x");
			OrchestrationMetadata done = client.waitForCompletion(id, Duration.ofSeconds(30));
			assertThat(done.status()).isEqualTo(OrchestrationStatus.FAILED);
			assertThat(done.failure().message()).contains("No activity named 'noSuchActivity'").contains("shout");
		});
	}

	@Test
	void anUnknownOrchestratorIsRejectedWhenScheduled() {
		this.runner.run((context) -> assertThat(
				org.assertj.core.api.Assertions.catchThrowable(() -> context.getBean(DurableClient.class)
					.scheduleNewOrchestration("nope", null)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("greetings"));
	}

	@Test
	void workerBacksOffWhenDisabledButTheClientRemains() {
		this.runner.withPropertyValues("funcboot.durable.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DurableWorker.class).hasSingleBean(DurableClient.class));
	}

	@Test
	void withADataSourceOrchestrationsLiveInTheJdbcStore() {
		this.runner
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:durable-autoconfig;DB_CLOSE_DELAY=-1")
			.run((context) -> {
				assertThat(context.getBean(OrchestrationStore.class))
					.isInstanceOf(dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore.class);
				DurableClient client = context.getBean(DurableClient.class);
				String id = client.scheduleNewOrchestration("greetings", new Greeting("bob", 2));
				OrchestrationMetadata done = client.waitForCompletion(id, Duration.ofSeconds(30));
				assertThat(done.status()).isEqualTo(OrchestrationStatus.COMPLETED);
				assertThat(done.<List<String>>readOutputAs(List.class)).hasSize(2);
			});
	}

	@Test
	void withoutTheJdbcStoreModuleTheMemoryStoreIsUsed() {
		this.runner
			.withConfiguration(AutoConfigurations
				.of(org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:durable-filtered;DB_CLOSE_DELAY=-1")
			.withClassLoader(new FilteredClassLoader(dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore.class))
			.run((context) -> assertThat(context.getBean(OrchestrationStore.class))
				.isInstanceOf(InMemoryOrchestrationStore.class));
	}

	@Test
	void aUserStoreWins() {
		InMemoryOrchestrationStore store = new InMemoryOrchestrationStore();
		this.runner.withBean(OrchestrationStore.class, () -> store)
			.run((context) -> assertThat(context.getBean(OrchestrationStore.class)).isSameAs(store));
	}

	@Test
	void durableWorkScalesOnTheBacklogTheAppReportsAndKeepsAReplica() {
		this.runner.withConfiguration(AutoConfigurations.of(dev.funcboot.scaling.ScalingAutoConfiguration.class))
			.withPropertyValues("spring.application.name=approvals", "funcboot.durable.scale-target-backlog=7")
			.run((context) -> {
				dev.funcboot.scaling.ScalingPlan plan = context.getBean(dev.funcboot.scaling.ScalingPlanner.class).plan();
				dev.funcboot.scaling.ScaleRule rule = plan.rules().stream()
					.filter((candidate) -> candidate.name().equals("durable-backlog"))
					.findFirst()
					.orElseThrow();
				assertThat(rule.type()).isEqualTo("metrics-api");
				assertThat(rule.metadata()).containsEntry("url", "http://approvals/actuator/durable")
					.containsEntry("valueLocation", "backlog")
					.containsEntry("targetValue", "7");
				assertThat(plan.minReplicas()).isEqualTo(1);
			});
	}

	@Test
	void backsOffWithoutSpringCloudFunction() {
		this.runner.withClassLoader(new FilteredClassLoader(FunctionCatalog.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DurableClient.class));
	}

}
