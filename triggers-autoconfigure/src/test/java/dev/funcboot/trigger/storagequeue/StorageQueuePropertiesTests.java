package dev.funcboot.trigger.storagequeue;

import java.util.Map;

import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients.StorageConnection;
import dev.funcboot.trigger.storagequeue.binder.StorageQueueConsumerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class StorageQueuePropertiesTests {

	@Test
	void defaultsAreTheCoreConstants() {
		assertThat(new StorageQueueProperties().toOptions()).isEqualTo(QueueOptions.DEFAULTS);
		StorageQueueConsumerProperties binder = new StorageQueueConsumerProperties();
		assertThat(new QueueOptions(binder.getBatchSize(), binder.getMaxDequeueCount(), binder.getVisibilityTimeout(),
				binder.getLease(), binder.getMinPollingInterval(), binder.getMaxPollingInterval(),
				binder.getMessageEncoding()))
			.isEqualTo(QueueOptions.DEFAULTS);
	}

	@Test
	void aConnectionIsFoundByNameOrAsAPropertyHoldingAConnectionString() {
		StorageConnectionProperties properties = new StorageConnectionProperties();
		StorageConnectionProperties.Connection archive = new StorageConnectionProperties.Connection();
		archive.setEndpoint("https://archive.queue.core.windows.net");
		properties.setConnections(Map.of("archive", archive));
		StorageConnectionLookup lookup = new StorageConnectionLookup(properties,
				new MockEnvironment().withProperty("AzureWebJobsStorage", "UseDevelopmentStorage=true"));
		assertThat(lookup.apply("archive")).isEqualTo(new StorageConnection(null, "https://archive.queue.core.windows.net"));
		assertThat(lookup.apply("AzureWebJobsStorage")).isEqualTo(new StorageConnection("UseDevelopmentStorage=true", null));
		assertThat(lookup.apply("missing")).isNull();
	}

}
