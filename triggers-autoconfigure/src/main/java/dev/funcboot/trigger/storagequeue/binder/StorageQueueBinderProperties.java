package dev.funcboot.trigger.storagequeue.binder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The storage account of the {@code storagequeue} binder when the application defines no
 * {@link QueueClientProvider} (Funcboot defines one from {@code funcboot.storage.connections}).
 */
@ConfigurationProperties("spring.cloud.stream.storagequeue.binder")
public class StorageQueueBinderProperties {

	/** Connection string of the storage account, e.g. 'UseDevelopmentStorage=true' for Azurite. */
	private String connectionString;

	/** Queue service endpoint, e.g. 'https://<account>.queue.core.windows.net', used with DefaultAzureCredential. */
	private String endpoint;

	public String getConnectionString() {
		return this.connectionString;
	}

	public void setConnectionString(String connectionString) {
		this.connectionString = connectionString;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(String endpoint) {
		this.endpoint = endpoint;
	}

}
