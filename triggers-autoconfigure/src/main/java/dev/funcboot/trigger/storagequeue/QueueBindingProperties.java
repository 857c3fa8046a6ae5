package dev.funcboot.trigger.storagequeue;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueConsumerProperties;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueProducerProperties;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;

/**
 * The Spring Cloud Stream binding properties of a queue function, made from its function binding
 * (what {@code spring.cloud.stream.bindings.<function>-in-0.*} and
 * {@code spring.cloud.stream.storagequeue.bindings.*} would say, had a user written them).
 */
final class QueueBindingProperties {

	private QueueBindingProperties() {
	}

	static ExtendedConsumerProperties<StorageQueueConsumerProperties> consumer(FunctionBinding function,
			QueueTriggerBinding trigger, boolean batch, StorageQueueProperties defaults) {
		QueueRetries retries = QueueRetries.of(function.policy(), trigger.options());
		StorageQueueConsumerProperties extension = new StorageQueueConsumerProperties();
		extension.setConnection(trigger.connection());
		extension.setBatchSize(trigger.options().batchSize());
		// the handler settles; the binder's limit only catches messages whose attempts never settled
		extension.setMaxDequeueCount(retries.maxAttempts());
		extension.setVisibilityTimeout(trigger.options().visibilityTimeout());
		extension.setLease(trigger.options().lease());
		extension.setMinPollingInterval(trigger.options().minPollingInterval());
		extension.setMaxPollingInterval(trigger.options().maxPollingInterval());
		extension.setMessageEncoding(trigger.options().messageEncoding());
		extension.setCreateQueue(defaults.isCreateQueues());
		extension.setShutdownTimeout(defaults.getShutdownTimeout());
		ExtendedConsumerProperties<StorageQueueConsumerProperties> properties = new ExtendedConsumerProperties<>(
				extension);
		properties.populateBindingName(function.name() + "-in-0");
		int maxConcurrency = function.policy().maxConcurrency();
		// a batch runs in parallel, but never more than the pipeline would admit
		properties.setConcurrency((maxConcurrency > 0) ? Math.min(maxConcurrency, trigger.options().batchSize())
				: trigger.options().batchSize());
		properties.setMaxAttempts(1);
		// a function taking List<T> gets each poll's messages at once
		properties.setBatchMode(batch);
		return properties;
	}

	static ExtendedProducerProperties<StorageQueueProducerProperties> producer(FunctionBinding function,
			QueueOutputBinding output, StorageQueueProperties defaults) {
		StorageQueueProducerProperties extension = new StorageQueueProducerProperties();
		extension.setConnection(output.connection());
		extension.setMessageEncoding(defaults.getMessageEncoding());
		extension.setCreateQueue(defaults.isCreateQueues());
		extension.setTraceEnvelope(defaults.isTraceEnvelope());
		ExtendedProducerProperties<StorageQueueProducerProperties> properties = new ExtendedProducerProperties<>(
				extension);
		properties.populateBindingName(function.name() + "-out-" + output.queue());
		return properties;
	}

}
