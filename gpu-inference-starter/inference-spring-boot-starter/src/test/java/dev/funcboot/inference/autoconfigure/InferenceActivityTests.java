package dev.funcboot.inference.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.autoconfigure.DurableAutoConfiguration;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.inference.ModelRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A model called by name as a durable orchestration's activity, fanned out, on the real PyTorch engine. */
class InferenceActivityTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, DurableAutoConfiguration.class,
				InferenceAutoConfiguration.class))
		.withPropertyValues("funcboot.inference.models.iris.location=classpath:models/linear.pt",
				"funcboot.inference.models.iris.input-shape=4")
		.withUserConfiguration(Workflows.class);

	@Configuration(proxyBeanMethods = false)
	static class Workflows {

		/** Scores each row with the model, in parallel, and returns the first output of each. */
		@Bean
		Orchestrator<float[][], float[]> scoreAll() {
			return (ctx, rows) -> {
				List<Task<float[]>> calls = new java.util.ArrayList<>();
				for (float[] row : rows) {
					calls.add(ctx.callActivity("iris", row, float[].class));
				}
				List<float[]> results = ctx.allOf(calls).await();
				float[] firsts = new float[results.size()];
				for (int i = 0; i < firsts.length; i++) {
					firsts[i] = results.get(i)[0];
				}
				return firsts;
			};
		}

	}

	@Test
	void anOrchestrationCallsTheModelAsAnActivity() {
		this.runner.run((context) -> {
			assertThat(context.getBean(ModelRegistry.class).awaitLoaded(Duration.ofSeconds(120))).isTrue();
			DurableClient client = context.getBean(DurableClient.class);
			String id = client.scheduleNewOrchestration("scoreAll",
					new float[][] { { 1, 0, 0, 0 }, { 2, 0, 0, 0 }, { 3, 0, 0, 0 } });
			OrchestrationMetadata done = client.waitForCompletion(id, Duration.ofSeconds(60));
			assertThat(done.status()).as(String.valueOf(done)).isEqualTo(OrchestrationStatus.COMPLETED);
			// row 0 of W is (1, 0, 0, 0), bias 0.1
			float[] output = done.readOutputAs(float[].class);
			assertThat(output).containsExactly(new float[] { 1.1f, 2.1f, 3.1f },
					org.assertj.core.api.Assertions.within(1e-5f));
		});
	}

}
