package dev.funcboot.trigger.storagequeue;

import java.time.Duration;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueConsumerProperties;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueProducerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The binding properties generated for a queue function, instead of hand-written spring.cloud.stream.*. */
class QueueBindingPropertiesTests {

	private final QueueOptions options = new QueueOptions(8, 4, Duration.ofSeconds(5), Duration.ofSeconds(90),
			Duration.ofMillis(50), Duration.ofSeconds(10), MessageEncoding.NONE);

	private final QueueTriggerBinding trigger = new QueueTriggerBinding("orders", "archive", this.options);

	private final StorageQueueProperties defaults = new StorageQueueProperties();

	@Test
	void consumerTakesTheFunctionsQueueOptions() {
		this.defaults.setCreateQueues(false);
		this.defaults.setShutdownTimeout(Duration.ofSeconds(3));
		ExtendedConsumerProperties<StorageQueueConsumerProperties> properties = QueueBindingProperties
			.consumer(binding(FunctionPolicy.DEFAULT), this.trigger, false, this.defaults);
		StorageQueueConsumerProperties consumer = properties.getExtension();
		assertThat(properties.getBindingName()).isEqualTo("intake-in-0");
		assertThat(consumer.getConnection()).isEqualTo("archive");
		assertThat(consumer.getBatchSize()).isEqualTo(8);
		assertThat(consumer.getMaxDequeueCount()).isEqualTo(4);
		assertThat(consumer.getVisibilityTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(consumer.getLease()).isEqualTo(Duration.ofSeconds(90));
		assertThat(consumer.getMinPollingInterval()).isEqualTo(Duration.ofMillis(50));
		assertThat(consumer.getMaxPollingInterval()).isEqualTo(Duration.ofSeconds(10));
		assertThat(consumer.getMessageEncoding()).isEqualTo(MessageEncoding.NONE);
		assertThat(consumer.isCreateQueue()).isFalse();
		assertThat(consumer.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getMaxAttempts()).as("no in-memory retries: the queue retries").isEqualTo(1);
		assertThat(properties.isBatchMode()).isFalse();
	}

	@Test
	void aBatchFunctionGetsABatchModeBinding() {
		assertThat(QueueBindingProperties.consumer(binding(FunctionPolicy.DEFAULT), this.trigger, true, this.defaults)
			.isBatchMode()).isTrue();
	}

	@Test
	void aBatchRunsInParallelUpToTheFunctionsConcurrencyLimit() {
		assertThat(QueueBindingProperties.consumer(binding(FunctionPolicy.DEFAULT), this.trigger, false, this.defaults)
			.getConcurrency()).isEqualTo(8);
		FunctionPolicy limited = new FunctionPolicy(FunctionPolicy.DEFAULT_TIMEOUT, RetryPolicy.NONE, 2);
		assertThat(QueueBindingProperties.consumer(binding(limited), this.trigger, false, this.defaults).getConcurrency())
			.isEqualTo(2);
	}

	@Test
	void aRetryPolicySetsTheDequeueLimit() {
		FunctionPolicy retrying = new FunctionPolicy(FunctionPolicy.DEFAULT_TIMEOUT,
				RetryPolicy.fixedDelay(7, Duration.ofSeconds(1)), 0);
		assertThat(QueueBindingProperties.consumer(binding(retrying), this.trigger, false, this.defaults)
			.getExtension()
			.getMaxDequeueCount()).isEqualTo(7);
	}

	@Test
	void producerWritesWithTheGlobalEncoding() {
		this.defaults.setMessageEncoding(MessageEncoding.NONE);
		ExtendedProducerProperties<StorageQueueProducerProperties> properties = QueueBindingProperties
			.producer(binding(FunctionPolicy.DEFAULT), new QueueOutputBinding("accepted", "default"), this.defaults);
		assertThat(properties.getBindingName()).isEqualTo("intake-out-accepted");
		assertThat(properties.getExtension().getConnection()).isEqualTo("default");
		assertThat(properties.getExtension().getMessageEncoding()).isEqualTo(MessageEncoding.NONE);
		assertThat(properties.getExtension().isCreateQueue()).isTrue();
	}

	private FunctionBinding binding(FunctionPolicy policy) {
		return new FunctionBinding("intake", "intake", this.trigger, policy, true);
	}

}
