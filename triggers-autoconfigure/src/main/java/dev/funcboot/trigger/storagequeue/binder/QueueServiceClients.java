package dev.funcboot.trigger.storagequeue.binder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;

/**
 * One {@link QueueServiceClient} per named connection, built on first use: from a connection
 * string (account key or SAS; {@code UseDevelopmentStorage=true} or Azurite's well-known string
 * locally), or from the queue service endpoint with a {@link TokenCredential} (by default
 * {@code DefaultAzureCredential}: managed identity, workload identity, Azure CLI ...). The SDK
 * clients do no message encoding; the binder encodes and decodes, so undecodable text becomes a
 * poison message instead of a failed poll.
 */
public final class QueueServiceClients implements QueueClientProvider {

	private final Function<String, StorageConnection> connections;

	private final Supplier<TokenCredential> credential;

	private final String settingsHint;

	private final Map<String, QueueServiceClient> clients = new ConcurrentHashMap<>();

	/**
	 * @param connections the settings of a connection by name, {@code null} when unknown
	 * @param credential the credential of endpoint connections; asked for only when one is used
	 * @param settingsHint the property prefix of a connection, with {@code %s} for its name
	 * (e.g. {@code funcboot.storage.connections.%s}), for error messages
	 */
	public QueueServiceClients(Function<String, StorageConnection> connections, Supplier<TokenCredential> credential,
			String settingsHint) {
		this.connections = connections;
		this.credential = credential;
		this.settingsHint = settingsHint;
	}

	@Override
	public QueueClient queue(String connection, String queueName) {
		return serviceClient(connection).getQueueClient(queueName);
	}

	/** The client of a connection; built once. */
	public QueueServiceClient serviceClient(String connection) {
		String name = (connection == null || connection.isBlank()) ? DEFAULT_CONNECTION : connection;
		QueueServiceClient client = this.clients.get(name);
		return (client != null) ? client : this.clients.computeIfAbsent(name, this::build);
	}

	private QueueServiceClient build(String name) {
		StorageConnection connection = this.connections.apply(name);
		String where = String.format(this.settingsHint, name);
		if (connection == null || !connection.isConfigured()) {
			throw new IllegalStateException("Storage connection '" + name + "' is not configured: set " + where
					+ ".connection-string (locally 'UseDevelopmentStorage=true' for Azurite) or " + where
					+ ".endpoint (e.g. https://<account>.queue.core.windows.net, with DefaultAzureCredential)");
		}
		QueueServiceClientBuilder builder = new QueueServiceClientBuilder().messageEncoding(QueueMessageEncoding.NONE);
		try {
			if (connection.connectionString() != null && !connection.connectionString().isBlank()) {
				return builder.connectionString(connection.connectionString()).buildClient();
			}
			return builder.endpoint(connection.endpoint()).credential(this.credential.get()).buildClient();
		}
		catch (IllegalArgumentException ex) {
			// never echo the connection string: it holds the account key
			throw new IllegalStateException("Storage connection '" + name + "' is invalid (" + where
					+ "): " + ex.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Where a storage account is: a connection string, or the queue endpoint for token
	 * authentication. The connection string wins when both are set.
	 */
	public record StorageConnection(String connectionString, String endpoint) {

		boolean isConfigured() {
			return (this.connectionString != null && !this.connectionString.isBlank())
					|| (this.endpoint != null && !this.endpoint.isBlank());
		}

		@Override
		public String toString() {
			return "StorageConnection[endpoint=" + this.endpoint + ", connectionString="
					+ ((this.connectionString != null) ? "(hidden)" : null) + "]";
		}

	}

}
