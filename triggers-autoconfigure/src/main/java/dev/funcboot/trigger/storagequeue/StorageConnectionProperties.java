package dev.funcboot.trigger.storagequeue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Azure Storage accounts by connection name, shared by the storage-based triggers and outputs
 * ({@code @QueueTrigger(connection = "...")}, {@code @BlobTrigger}); functions that name no connection use
 * {@code default}.
 */
@ConfigurationProperties("funcboot.storage")
public class StorageConnectionProperties {

	/** Storage connections by name; 'default' serves functions that name none. */
	private Map<String, Connection> connections = new LinkedHashMap<>();

	public Map<String, Connection> getConnections() {
		return this.connections;
	}

	public void setConnections(Map<String, Connection> connections) {
		this.connections = connections;
	}

	public static class Connection {

		/**
		 * Connection string of the account (key or SAS); 'UseDevelopmentStorage=true' for Azurite.
		 * Wins over the endpoint.
		 */
		private String connectionString;

		/**
		 * Queue service endpoint, e.g. 'https://<account>.queue.core.windows.net', authenticated
		 * with the TokenCredential bean or DefaultAzureCredential.
		 */
		private String endpoint;

		/**
		 * Blob service endpoint, e.g. 'https://<account>.blob.core.windows.net', for blob triggers
		 * and outputs of a connection configured by endpoint; derived from 'endpoint' when that is
		 * a '.queue.' address.
		 */
		private String blobEndpoint;

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

		public String getBlobEndpoint() {
			return this.blobEndpoint;
		}

		public void setBlobEndpoint(String blobEndpoint) {
			this.blobEndpoint = blobEndpoint;
		}

	}

}
