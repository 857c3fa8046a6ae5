package dev.funcboot.autoconfigure;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.ExponentialBackoffRetry;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.annotation.FunctionOptions;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.RetryPolicy;
import dev.funcboot.trigger.http.HttpTriggerAutoConfiguration;
import dev.funcboot.trigger.http.HttpTriggerHandlerMapping;
import dev.funcboot.trigger.http.HttpTriggerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, HttpTriggerAutoConfiguration.class))
		.withUserConfiguration(Functions.class);

	@Test
	void bindsAnnotatedFunctionsWithPlaceholdersAndDefaults() {
		this.runner.withPropertyValues("orders.route=orders/{id:int}").run((context) -> {
			FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
			FunctionBinding binding = registry.get("getOrder");
			HttpTriggerBinding http = (HttpTriggerBinding) binding.trigger();
			assertThat(http.route().template()).isEqualTo("orders/{id:int}");
			assertThat(http.methods()).containsExactly(HttpMethod.GET);
			assertThat(http.authLevel()).isEqualTo(AuthLevel.FUNCTION);
			assertThat(binding.definition()).isEqualTo("getOrder");
			assertThat(binding.policy()).isEqualTo(FunctionPolicy.DEFAULT);
			assertThat(context).hasSingleBean(HttpTriggerHandlerMapping.class).hasSingleBean(InvocationPipeline.class);
		});
	}

	@Test
	void propertiesOverrideAnnotations() {
		this.runner
			.withPropertyValues("orders.route=orders/{id}", "funcboot.functions.getOrder.http.route=v2/orders/{id}",
					"funcboot.functions.getOrder.http.methods=GET,HEAD",
					"funcboot.functions.getOrder.http.auth-level=anonymous", "funcboot.functions.getOrder.timeout=7s",
					"funcboot.functions.getOrder.max-concurrency=3",
					"funcboot.functions.getOrder.retry.strategy=fixed-delay",
					"funcboot.functions.getOrder.retry.max-attempts=4", "funcboot.functions.getOrder.retry.delay=2s")
			.run((context) -> {
				FunctionBinding binding = context.getBean(FunctionBindingRegistry.class).get("getOrder");
				HttpTriggerBinding http = (HttpTriggerBinding) binding.trigger();
				assertThat(http.route().template()).isEqualTo("v2/orders/{id}");
				assertThat(http.methods()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.HEAD);
				assertThat(http.authLevel()).isEqualTo(AuthLevel.ANONYMOUS);
				assertThat(binding.policy().timeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(binding.policy().maxConcurrency()).isEqualTo(3);
				assertThat(binding.policy().retry()).isEqualTo(RetryPolicy.fixedDelay(4, Duration.ofSeconds(2)));
			});
	}

	@Test
	void annotationsSetPolicyOverGlobalDefaults() {
		this.runner
			.withPropertyValues("orders.route=orders", "funcboot.defaults.timeout=1m",
					"funcboot.defaults.max-concurrency=10")
			.run((context) -> {
				FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
				FunctionPolicy tuned = registry.get("tuned").policy();
				assertThat(tuned.timeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(tuned.maxConcurrency()).isEqualTo(2);
				assertThat(tuned.retry())
					.isEqualTo(RetryPolicy.exponentialBackoff(6, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0));
				FunctionPolicy plain = registry.get("getOrder").policy();
				assertThat(plain.timeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(plain.maxConcurrency()).isEqualTo(10);
				assertThat(registry.get("fixed").policy().retry())
					.isEqualTo(RetryPolicy.fixedDelay(3, Duration.ofMillis(500)));
			});
	}

	@Test
	void propertiesAloneDeclareAComposedBinding() {
		this.runner
			.withPropertyValues("orders.route=orders", "funcboot.functions.shout.definition=upper|exclaim",
					"funcboot.functions.shout.http.route=shout")
			.run((context) -> {
				FunctionBinding binding = context.getBean(FunctionBindingRegistry.class).get("shout");
				assertThat(binding.definition()).isEqualTo("upper|exclaim");
				assertThat(context.getBean(FunctionHandles.class).get("shout").call("hi")).isEqualTo("HI!");
			});
	}

	@Test
	void plainFunctionBeansAreCalledDirectlyAndTheRestThroughSpringCloudFunction() {
		this.runner
			.withPropertyValues("orders.route=orders", "funcboot.functions.shout.definition=upper|exclaim",
					"funcboot.functions.shout.http.route=shout", "funcboot.functions.echo.http.route=echo",
					"funcboot.functions.reverse.http.route=reverse")
			.run((context) -> {
				FunctionHandles handles = context.getBean(FunctionHandles.class);
				FunctionHandle getOrder = handles.get("getOrder");
				assertThat(getOrder.callsDirectly()).isTrue();
				// text that looks like a JSON array reaches the bean untouched
				assertThat(getOrder.call("[\"a\", \"b\"]")).isEqualTo("[\"a\", \"b\"]");
				assertThat(handles.get("shout").callsDirectly()).isFalse();
				assertThat(handles.get("shout").call("hi")).isEqualTo("HI!");
				assertThat(handles.get("tuned").callsDirectly()).isFalse();
				assertThat(handles.get("tuned").call(null)).isEqualTo("tuned");
				FunctionHandle echo = handles.get("echo");
				assertThat(echo.callsDirectly()).isFalse();
				assertThat(echo.call(org.springframework.messaging.support.MessageBuilder.withPayload("m").build()))
					.isEqualTo("m");
				FunctionHandle reverse = handles.get("reverse");
				assertThat(reverse.callsDirectly()).isFalse();
				assertThat(((reactor.core.publisher.Flux<?>) reverse.call(reactor.core.publisher.Flux.just("ab")))
					.blockFirst()).isEqualTo("ba");
			});
	}

	@Test
	void invocationsAreObservationsOnlyWithATracerUnlessToldOtherwise() {
		org.springframework.beans.factory.support.DefaultListableBeanFactory beans = new org.springframework.beans.factory.support.DefaultListableBeanFactory();
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment();
		assertThat(FunctionsAutoConfiguration.observeInvocations(environment, beans)).isFalse();
		beans.registerSingleton("tracer", io.micrometer.tracing.Tracer.NOOP);
		assertThat(FunctionsAutoConfiguration.observeInvocations(environment, beans)).as("a no-op tracer").isFalse();
		environment.setProperty("funcboot.observations.invocations", "always");
		assertThat(FunctionsAutoConfiguration.observeInvocations(environment, beans)).isTrue();
		environment.setProperty("funcboot.observations.invocations", "never");
		assertThat(FunctionsAutoConfiguration.observeInvocations(environment, beans)).isFalse();
		environment.setProperty("funcboot.observations.invocations", "sometimes");
		org.assertj.core.api.Assertions
			.assertThatIllegalStateException()
			.isThrownBy(() -> FunctionsAutoConfiguration.observeInvocations(environment, beans))
			.withMessageContaining("auto");
	}

	@Test
	void unknownFunctionFailsStartupListingTheKnownOnes() {
		this.runner
			.withPropertyValues("orders.route=orders", "funcboot.functions.ghost.definition=nothere",
					"funcboot.functions.ghost.http.route=ghost")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("refers to function 'nothere'")
				.hasMessageContaining("getOrder"));
	}

	@Test
	void propertiesWithoutTriggerFailWithTheFix() {
		this.runner.withPropertyValues("orders.route=orders", "funcboot.functions.lonely.timeout=5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("funcboot.functions.lonely.http.route"));
	}

	@Test
	void missingPlaceholderFailsNamingTheFunction() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("orders.route"));
	}

	@Test
	void invalidRouteFailsNamingTheFunction() {
		this.runner.withPropertyValues("orders.route=orders/{id:integer}")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Function 'getOrder'")
				.hasStackTraceContaining("unknown constraint 'integer'"));
	}

	@Test
	void backsOffWithoutSpringCloudFunction() {
		this.runner.withClassLoader(new FilteredClassLoader(FunctionCatalog.class))
			.withPropertyValues("orders.route=orders")
			.run((context) -> assertThat(context).doesNotHaveBean(InvocationPipeline.class)
				.doesNotHaveBean(HttpTriggerHandlerMapping.class));
	}

	@Test
	void httpTriggerBacksOffWithoutServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, HttpTriggerAutoConfiguration.class))
			.withUserConfiguration(Functions.class)
			.withPropertyValues("orders.route=orders")
			.run((context) -> assertThat(context).hasSingleBean(InvocationPipeline.class)
				.doesNotHaveBean(HttpTriggerHandlerMapping.class));
		this.runner.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.withPropertyValues("orders.route=orders")
			.run((context) -> assertThat(context).doesNotHaveBean(HttpTriggerHandlerMapping.class));
	}

	@Test
	void userPipelineWins() {
		this.runner.withPropertyValues("orders.route=orders")
			.withBean("customPipeline", InvocationPipeline.class, () -> InvocationPipeline.builder().build())
			.run((context) -> assertThat(context).getBean(InvocationPipeline.class)
				.isSameAs(context.getBean("customPipeline")));
	}

	@Test
	void propertyDefaultsMatchTheCoreConstants() {
		FunctionsProperties properties = new FunctionsProperties();
		assertThat(properties.getDefaults().getTimeout()).isEqualTo(FunctionPolicy.DEFAULT_TIMEOUT);
		assertThat(properties.getDefaults().getMaxConcurrency()).isEqualTo(FunctionPolicy.DEFAULT_MAX_CONCURRENCY);
		assertThat(new HttpTriggerProperties().getRoutePrefix()).isEqualTo(HttpTriggerProperties.DEFAULT_ROUTE_PREFIX)
			.isEqualTo("api");
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		@HttpTrigger(route = "${orders.route}", methods = HttpMethod.GET)
		Function<String, String> getOrder() {
			return (id) -> id;
		}

		@Bean
		@HttpTrigger(route = "tuned", authLevel = AuthLevel.ANONYMOUS)
		@FunctionOptions(timeout = "3s", maxConcurrency = 2)
		@ExponentialBackoffRetry(maxAttempts = 6, minInterval = "100ms", maxInterval = "5s")
		Supplier<String> tuned() {
			return () -> "tuned";
		}

		@Bean
		@HttpTrigger(route = "fixed")
		@FixedDelayRetry(maxAttempts = 3, delay = "500ms")
		Supplier<String> fixed() {
			return () -> "fixed";
		}

		@Bean
		Function<String, String> upper() {
			return String::toUpperCase;
		}

		@Bean
		Function<String, String> exclaim() {
			return (s) -> s + "!";
		}

		@Bean
		Function<org.springframework.messaging.Message<String>, String> echo() {
			return org.springframework.messaging.Message::getPayload;
		}

		@Bean
		Function<reactor.core.publisher.Flux<String>, reactor.core.publisher.Flux<String>> reverse() {
			return (flux) -> flux.map((s) -> new StringBuilder(s).reverse().toString());
		}

	}

}
