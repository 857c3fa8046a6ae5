package dev.funcboot.trigger.storagequeue;

import java.lang.annotation.Annotation;
import java.time.Duration;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How annotations, {@code funcboot.functions.<name>.queue.*} and {@code funcboot.queue.*} combine. */
class QueueTriggerBindingResolverTests {

	private final StorageQueueProperties defaults = new StorageQueueProperties();

	private final QueueTriggerBindingResolver resolver = new QueueTriggerBindingResolver(this.defaults::toOptions);

	private final BindingValues values = new BindingValues(new MockEnvironment().withProperty("orders.queue", "orders-eu"));

	@Test
	void annotationAloneTakesTheGlobalDefaults() {
		this.defaults.setBatchSize(8);
		QueueTriggerBinding binding = resolve(annotated("annotated"), null);
		assertThat(binding.queue()).isEqualTo("orders-eu");
		assertThat(binding.connection()).isEqualTo("default");
		assertThat(binding.poisonQueue()).isEqualTo("orders-eu-poison");
		assertThat(binding.options().batchSize()).isEqualTo(8);
		assertThat(binding.options().maxDequeueCount()).isEqualTo(QueueOptions.DEFAULT_MAX_DEQUEUE_COUNT);
	}

	@Test
	void propertiesOverrideTheAnnotationAndTheDefaults() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		FunctionsProperties.Queue queue = new FunctionsProperties.Queue();
		queue.setName("orders-us");
		queue.setConnection("archive");
		queue.setBatchSize(32);
		queue.setMaxDequeueCount(9);
		queue.setVisibilityTimeout(Duration.ofSeconds(10));
		queue.setLease(Duration.ofMinutes(3));
		queue.setMinPollingInterval(Duration.ofMillis(50));
		queue.setMaxPollingInterval(Duration.ofSeconds(5));
		queue.setMessageEncoding(MessageEncoding.NONE);
		function.setQueue(queue);
		QueueTriggerBinding binding = resolve(annotated("annotated"), function);
		assertThat(binding.queue()).isEqualTo("orders-us");
		assertThat(binding.connection()).isEqualTo("archive");
		assertThat(binding.options()).isEqualTo(new QueueOptions(32, 9, Duration.ofSeconds(10), Duration.ofMinutes(3),
				Duration.ofMillis(50), Duration.ofSeconds(5), MessageEncoding.NONE));
	}

	@Test
	void propertiesAloneDeclareTheTrigger() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setQueue(new FunctionsProperties.Queue());
		function.getQueue().setName("orders");
		assertThat(resolve(null, function).queue()).isEqualTo("orders");
	}

	@Test
	void neitherMeansNoQueueTrigger() {
		assertThat(this.resolver.resolve("fn", null, new FunctionsProperties.Function(), this.values)).isNull();
		assertThat(this.resolver.supportsOutputs()).isTrue();
	}

	@Test
	void invalidValuesFailNamingTheFunctionAndTheFix() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setQueue(new FunctionsProperties.Queue());
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("Function 'fn' has no queue name")
			.withMessageContaining("funcboot.functions.fn.queue.name");
		function.getQueue().setName("Orders");
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("Function 'fn'")
			.withMessageContaining("lower-case");
		function.getQueue().setName("orders");
		function.getQueue().setBatchSize(33);
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("funcboot.functions.fn.queue is invalid")
			.withMessageContaining("batch-size must be between 1 and 32");
	}

	@Test
	void outputFromAnnotationOrProperties() {
		QueueOutputBindingResolver outputs = new QueueOutputBindingResolver();
		QueueOutput annotation = method("annotated").getAnnotation(QueueOutput.class);
		assertThat(outputs.resolve("fn", annotation, null, this.values))
			.isEqualTo(new QueueOutputBinding("accepted", "default"));
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setQueueOutput(new FunctionsProperties.QueueOutput());
		function.getQueueOutput().setName("audit");
		function.getQueueOutput().setConnection("archive");
		assertThat(outputs.resolve("fn", annotation, function, this.values))
			.isEqualTo(new QueueOutputBinding("audit", "archive"));
		function.getQueueOutput().setName("Audit_Log");
		assertThatIllegalStateException().isThrownBy(() -> outputs.resolve("fn", null, function, this.values))
			.withMessageContaining("Function 'fn' output");
	}

	private QueueTriggerBinding resolve(Annotation annotation, FunctionsProperties.Function function) {
		return (QueueTriggerBinding) this.resolver.resolve("fn", annotation, function, this.values);
	}

	private static QueueTrigger annotated(String name) {
		return method(name).getAnnotation(QueueTrigger.class);
	}

	private static java.lang.reflect.Method method(String name) {
		try {
			return Annotated.class.getDeclaredMethod(name);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Annotated {

		@QueueTrigger(queue = "${orders.queue}")
		@QueueOutput(queue = "accepted")
		void annotated() {
		}

	}

}
