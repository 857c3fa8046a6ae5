package dev.funcboot.trigger.blob;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.funcboot.trigger.storagequeue.StorageConnectionProperties;

import org.springframework.core.env.PropertyResolver;

/**
 * One {@link BlobServiceClient} per named storage connection, built on first use, from the same
 * settings as the queue trigger's: {@code funcboot.storage.connections.<name>.connection-string}
 * (account key or SAS; {@code UseDevelopmentStorage=true} for Azurite), else
 * {@code .blob-endpoint} (or an {@code .endpoint} of the queue service, whose blob address is
 * derived) with the application's {@code TokenCredential}, else a property of that very name
 * holding a connection string (as Azure Functions reads {@code AzureWebJobsStorage}).
 */
final class BlobServiceClients {

	static final String PREFIX = "funcboot.storage.connections.";

	private final StorageConnectionProperties properties;

	private final PropertyResolver environment;

	private final Supplier<TokenCredential> credential;

	private final Map<String, BlobServiceClient> clients = new ConcurrentHashMap<>();

	BlobServiceClients(StorageConnectionProperties properties, PropertyResolver environment,
			Supplier<TokenCredential> credential) {
		this.properties = properties;
		this.environment = environment;
		this.credential = credential;
	}

	/** The client of a connection; built once. */
	BlobServiceClient serviceClient(String connection) {
		String name = (connection == null || connection.isBlank()) ? BlobTriggerBindingResolver.DEFAULT_CONNECTION
				: connection;
		BlobServiceClient client = this.clients.get(name);
		return (client != null) ? client : this.clients.computeIfAbsent(name, this::build);
	}

	private BlobServiceClient build(String name) {
		StorageConnectionProperties.Connection connection = this.properties.getConnections().get(name);
		String connectionString = (connection != null) ? connection.getConnectionString()
				: this.environment.getProperty(name);
		String endpoint = (connection != null) ? blobEndpoint(connection) : null;
		String where = PREFIX + name;
		try {
			if (connectionString != null && !connectionString.isBlank()) {
				return new BlobServiceClientBuilder().connectionString(connectionString).buildClient();
			}
			if (endpoint != null) {
				return new BlobServiceClientBuilder().endpoint(endpoint).credential(this.credential.get()).buildClient();
			}
		}
		catch (IllegalArgumentException ex) {
			// never echo the connection string: it holds the account key
			throw new IllegalStateException("Storage connection '" + name + "' is invalid for blobs (" + where + "): "
					+ ex.getClass().getSimpleName(), ex);
		}
		throw new IllegalStateException("Storage connection '" + name + "' is not configured for blobs: set " + where
				+ ".connection-string (locally 'UseDevelopmentStorage=true' for Azurite) or " + where
				+ ".blob-endpoint (e.g. https://<account>.blob.core.windows.net, with DefaultAzureCredential)");
	}

	/** The blob endpoint of a connection: its own, or the queue endpoint's blob twin. */
	static String blobEndpoint(StorageConnectionProperties.Connection connection) {
		if (connection.getBlobEndpoint() != null && !connection.getBlobEndpoint().isBlank()) {
			return connection.getBlobEndpoint().trim();
		}
		String endpoint = connection.getEndpoint();
		if (endpoint != null && endpoint.contains(".queue.")) {
			return endpoint.trim().replaceFirst("\\.queue\\.", ".blob.");
		}
		return null;
	}

}
