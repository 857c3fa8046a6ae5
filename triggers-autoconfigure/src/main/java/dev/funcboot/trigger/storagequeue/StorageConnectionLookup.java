package dev.funcboot.trigger.storagequeue;

import java.util.function.Function;

import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients.StorageConnection;

import org.springframework.core.env.PropertyResolver;

/**
 * Finds a storage connection by name: under {@code funcboot.storage.connections.<name>}, else, as
 * Azure Functions does with app settings, a property of that very name holding a connection string
 * ({@code connection = "AzureWebJobsStorage"} reads the environment variable of that name).
 */
public final class StorageConnectionLookup implements Function<String, StorageConnection> {

	public static final String PREFIX = "funcboot.storage.connections.%s";

	private final StorageConnectionProperties properties;

	private final PropertyResolver environment;

	public StorageConnectionLookup(StorageConnectionProperties properties, PropertyResolver environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public StorageConnection apply(String name) {
		StorageConnectionProperties.Connection connection = this.properties.getConnections().get(name);
		if (connection != null) {
			return new StorageConnection(connection.getConnectionString(), connection.getEndpoint());
		}
		String connectionString = this.environment.getProperty(name);
		return (connectionString != null) ? new StorageConnection(connectionString, null) : null;
	}

}
