package dev.funcboot.inference.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import ai.djl.engine.Engine;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.inference.ModelFunction;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelSpec;
import dev.funcboot.inference.ModelStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class InferenceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InferenceAutoConfiguration.class,
				ContextFunctionCatalogAutoConfiguration.class, FunctionsAutoConfiguration.class))
		.withPropertyValues("funcboot.inference.models.iris.location=classpath:models/linear.pt",
				"funcboot.inference.models.iris.input-shape=4");

	@Test
	void aModelIsAFunctionInTheCatalogNamedAfterIt() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean("iris")).isInstanceOf(ModelFunction.Tensors.class);
			FunctionInvocationWrapper function = context.getBean(FunctionCatalog.class).lookup("iris");
			assertThat(function).isNotNull();
			assertThat(function.getInputType()).isEqualTo(float[].class);
			assertThat(function.getOutputType()).isEqualTo(float[].class);
			// not loaded until the context starts its lifecycle, then in the background
			ModelRegistry registry = context.getBean(ModelRegistry.class);
			assertThat(registry.awaitLoaded(Duration.ofSeconds(120))).isTrue();
			assertThat(registry.get("iris").state().status()).isEqualTo(ModelStatus.READY);
		});
	}

	@Test
	void aTranslatorModelTakesAndReturnsTheTranslatorsTypes() {
		this.runner.withUserConfiguration(TranslatorConfiguration.class)
			.withPropertyValues("funcboot.inference.models.gated.location=classpath:models/linear.pt",
					"funcboot.inference.models.gated.translator=gate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				FunctionInvocationWrapper function = context.getBean(FunctionCatalog.class).lookup("gated");
				assertThat(function.getInputType()).isEqualTo(float[].class);
				assertThat(function.getOutputType()).isEqualTo(float[].class);
				assertThat(context.getBean(ModelRegistry.class).get("gated").spec().translator())
					.isSameAs(context.getBean("gate"));
			});
	}

	@Test
	void propertiesMapOntoTheSpecAndDefaultsAreTheCoresConstants() {
		this.runner.withPropertyValues("funcboot.inference.models.iris.device=cpu",
				"funcboot.inference.models.iris.workers=2", "funcboot.inference.models.iris.batch-size=4",
				"funcboot.inference.models.iris.max-batch-delay=7ms", "funcboot.inference.models.iris.queue-size=9",
				"funcboot.inference.models.iris.engine=onnxruntime",
				"funcboot.inference.models.other.location=classpath:models/linear.pt",
				"funcboot.inference.models.other.input-shape=1,2,2")
			.run((context) -> {
				ModelRegistry registry = context.getBean(ModelRegistry.class);
				ModelSpec iris = registry.get("iris").spec();
				assertThat(iris.device()).hasToString("cpu");
				assertThat(iris.workers()).isEqualTo(2);
				assertThat(iris.batchSize()).isEqualTo(4);
				assertThat(iris.maxBatchDelay()).isEqualTo(Duration.ofMillis(7));
				assertThat(iris.queueSize()).isEqualTo(9);
				assertThat(iris.engine().djlName()).isEqualTo("OnnxRuntime");
				ModelSpec other = registry.get("other").spec();
				assertThat(other.inputShape()).containsExactly(1, 2, 2);
				assertThat(other.workers()).isEqualTo(ModelSpec.DEFAULT_WORKERS);
				assertThat(other.batchSize()).isEqualTo(ModelSpec.DEFAULT_BATCH_SIZE);
				assertThat(other.maxBatchDelay()).isEqualTo(ModelSpec.DEFAULT_MAX_BATCH_DELAY);
				assertThat(other.queueSize()).isEqualTo(ModelSpec.DEFAULT_QUEUE_SIZE);
				assertThat(other.warmup()).isEqualTo(ModelSpec.DEFAULT_WARMUP);
				assertThat(other.retryAfter()).isEqualTo(ModelSpec.DEFAULT_RETRY_AFTER);
				assertThat(other.device()).hasToString("auto");
			});
		InferenceProperties.Model defaults = new InferenceProperties.Model();
		assertThat(defaults.getWorkers()).isEqualTo(ModelSpec.DEFAULT_WORKERS);
		assertThat(defaults.getBatchSize()).isEqualTo(ModelSpec.DEFAULT_BATCH_SIZE);
		assertThat(defaults.getMaxBatchDelay()).isEqualTo(ModelSpec.DEFAULT_MAX_BATCH_DELAY);
		assertThat(defaults.getQueueSize()).isEqualTo(ModelSpec.DEFAULT_QUEUE_SIZE);
		assertThat(defaults.getRetryAfter()).isEqualTo(ModelSpec.DEFAULT_RETRY_AFTER);
		assertThat(defaults.getWarmup()).isEqualTo(ModelSpec.DEFAULT_WARMUP);
		assertThat(new InferenceProperties().isOffline()).isTrue();
	}

	@Test
	void backsOffWithoutDjl() {
		this.runner.withClassLoader(new FilteredClassLoader(Engine.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ModelRegistry.class);
			assertThat(context).doesNotHaveBean("iris");
		});
	}

	@Test
	void aModelNamedLikeAnotherBeanFailsTheStartWithTheFix() {
		this.runner.withUserConfiguration(ClashConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure()))
				.contains("Model 'iris' (funcboot.inference.models.iris) would replace the bean 'iris'");
		});
	}

	@Test
	void aTensorModelWithoutInputShapeFailsTheStartNamingTheProperty() {
		this.runner.withPropertyValues("funcboot.inference.models.bare.location=classpath:models/linear.pt")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure()))
					.contains("Model 'bare' takes tensors but has no input shape")
					.contains("funcboot.inference.models.bare.input-shape");
			});
	}

	@Test
	void aMissingTranslatorBeanFailsTheStartNamingIt() {
		this.runner.withPropertyValues("funcboot.inference.models.t.location=classpath:models/linear.pt",
				"funcboot.inference.models.t.translator=nope").run((context) -> {
					assertThat(context).hasFailed();
					assertThat(messages(context.getStartupFailure()))
						.contains("Model 't' names translator bean 'nope', but there is no such bean");
				});
	}

	@Test
	void anUnknownDeviceFailsTheStartNamingTheModel() {
		this.runner.withPropertyValues("funcboot.inference.models.iris.device=tpu").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure()))
				.contains("Model 'iris' (funcboot.inference.models.iris): Device 'tpu' is not one of");
		});
	}

	/** Every message of the cause chain: Spring wraps start-up failures differently per phase. */
	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class TranslatorConfiguration {

		@Bean
		GateTranslator gate() {
			return new GateTranslator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClashConfiguration {

		@Bean
		Function<String, String> iris() {
			return String::toUpperCase;
		}

	}

}
