package dev.funcboot.trigger.storagequeue.binder;

import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/** The {@code storagequeue} settings of one binding: consumer and producer. */
public class StorageQueueBindingProperties implements BinderSpecificPropertiesProvider {

	/** Consumer settings. */
	private StorageQueueConsumerProperties consumer = new StorageQueueConsumerProperties();

	/** Producer settings. */
	private StorageQueueProducerProperties producer = new StorageQueueProducerProperties();

	@Override
	public StorageQueueConsumerProperties getConsumer() {
		return this.consumer;
	}

	public void setConsumer(StorageQueueConsumerProperties consumer) {
		this.consumer = consumer;
	}

	@Override
	public StorageQueueProducerProperties getProducer() {
		return this.producer;
	}

	public void setProducer(StorageQueueProducerProperties producer) {
		this.producer = producer;
	}

}
