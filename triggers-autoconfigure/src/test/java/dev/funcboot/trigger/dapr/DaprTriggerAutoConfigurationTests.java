package dev.funcboot.trigger.dapr;

import java.util.function.Consumer;
import java.util.function.Function;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.DaprPublish;
import dev.funcboot.functions.annotation.DaprTopicTrigger;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import dev.funcboot.functions.binding.DaprPublishBinding;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import dev.funcboot.trigger.http.HttpTriggerAutoConfiguration;
import io.dapr.client.DaprClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dapr trigger's beans and binding rules, without a sidecar (none is called here). */
@ExtendWith(OutputCaptureExtension.class)
class DaprTriggerAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				JacksonAutoConfiguration.class, FunctionsAutoConfiguration.class, HttpTriggerAutoConfiguration.class,
				DaprTriggerAutoConfiguration.class))
		.withUserConfiguration(Functions.class);

	@Test
	void bindsAnnotatedFunctionsAndTheirOutputs() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(DaprHandlerMapping.class)
				.hasSingleBean(DaprServiceInvoker.class)
				.hasSingleBean(DaprClient.class);
			FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
			assertThat(registry.get("confirm").trigger()).isEqualTo(new DaprTopicTriggerBinding("orders-pubsub",
					"orders", "/dapr/functions/confirm", null, 0, null, null, false));
			assertThat(registry.get("confirm").outputs())
				.containsExactly(new DaprPublishBinding("orders-pubsub", "confirmed"));
		});
	}

	@Test
	void propertiesOverrideTheAnnotation() {
		this.runner
			.withPropertyValues("funcboot.functions.confirm.dapr.topic=${topic-name}", "topic-name=orders-v2",
					"funcboot.functions.confirm.dapr.route=in/orders", "funcboot.functions.confirm.dapr.bulk=true",
					"funcboot.functions.confirm.dapr.bulk-max-messages=10",
					"funcboot.functions.confirm.dapr-publish.topic=confirmed-v2")
			.run((context) -> {
				FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
				DaprTopicTriggerBinding trigger = (DaprTopicTriggerBinding) registry.get("confirm").trigger();
				assertThat(trigger.topic()).isEqualTo("orders-v2");
				assertThat(trigger.route()).isEqualTo("/in/orders");
				assertThat(trigger.bulk()).isEqualTo(new DaprTopicTriggerBinding.Bulk(10, 0));
				assertThat(registry.get("confirm").outputs())
					.containsExactly(new DaprPublishBinding("orders-pubsub", "confirmed-v2"));
			});
	}

	@Test
	void propertiesAloneDeclareTopicAndInputBindingFunctions() {
		this.runner
			.withPropertyValues("funcboot.functions.shout.definition=upper",
					"funcboot.functions.shout.dapr.pubsub=texts-pubsub", "funcboot.functions.shout.dapr.topic=texts",
					"funcboot.functions.nightly.definition=upper", "funcboot.functions.nightly.dapr-binding.name=cron")
			.run((context) -> {
				FunctionBindingRegistry registry = context.getBean(FunctionBindingRegistry.class);
				assertThat(((DaprTopicTriggerBinding) registry.get("shout").trigger()).route())
					.isEqualTo("/dapr/functions/shout");
				assertThat(registry.get("nightly").trigger()).isEqualTo(new DaprBindingTriggerBinding("cron", "/cron"));
			});
	}

	@Test
	void twoDefaultRoutesOnOneTopicFailTheStartUp() {
		this.runner
			.withPropertyValues("funcboot.functions.shout.definition=upper",
					"funcboot.functions.shout.dapr.pubsub=orders-pubsub", "funcboot.functions.shout.dapr.topic=orders")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("[confirm, shout] all subscribe to pub/sub 'orders-pubsub' topic 'orders' "
						+ "without a match rule"));
	}

	@Test
	void aReservedRouteFailsTheStartUp() {
		this.runner.withPropertyValues("funcboot.functions.confirm.dapr.route=/dapr/subscribe")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'/dapr/subscribe' is reserved"));
	}

	@Test
	void aMissingTopicNamesTheFix() {
		this.runner.withPropertyValues("funcboot.functions.shout.definition=upper",
				"funcboot.functions.shout.dapr.pubsub=orders-pubsub")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Function 'shout' has no topic; set funcboot.functions.shout.dapr.pubsub and .topic"));
	}

	@Test
	void aDaprOutputOnAnHttpFunctionFailsRatherThanLosingResults() {
		this.runner.withUserConfiguration(HttpWithDaprOutput.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Function 'httpPublish' declares @DaprPublish, but its http trigger does not publish Dapr outputs; its results would be lost"));
	}

	@Test
	void backsOffWithoutTheDaprSdkAndSaysWhatToAdd(CapturedOutput output) {
		this.runner.withClassLoader(new FilteredClassLoader(DaprClient.class)).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DaprHandlerMapping.class);
			assertThat(context.getBean(FunctionBindingRegistry.class).get("confirm")).isNull();
		});
		assertThat(output).contains("Function(s) confirm are annotated with @DaprTopicTrigger, but that trigger is "
				+ "not active, so they get no events: add io.dapr.spring:dapr-spring-boot-starter");
	}

	@Configuration(proxyBeanMethods = false)
	static class Functions {

		@Bean
		@DaprTopicTrigger(pubsub = "orders-pubsub", topic = "orders")
		@DaprPublish(pubsub = "orders-pubsub", topic = "confirmed")
		Function<String, String> confirm() {
			return (text) -> text;
		}

		@Bean
		Function<String, String> upper() {
			return String::toUpperCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HttpWithDaprOutput {

		@Bean
		@HttpTrigger(route = "publish")
		@DaprPublish(pubsub = "orders-pubsub", topic = "confirmed")
		Consumer<String> httpPublish() {
			return (text) -> {
			};
		}

	}

}
