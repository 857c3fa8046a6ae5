package dev.funcboot.trigger.storagequeue.binder;

import com.azure.storage.queue.QueueClient;

/**
 * Gives the binder a client for a queue of a named storage connection. The binder's own
 * configuration provides one for the connection in {@code spring.cloud.stream.storagequeue.binder.*};
 * a bean of this type in the application context (Funcboot's named connections) replaces it.
 */
@FunctionalInterface
public interface QueueClientProvider {

	/** The connection used when a binding names none. */
	String DEFAULT_CONNECTION = "default";

	/**
	 * @throws IllegalStateException naming the connection and the setting to fix when it is not
	 * configured
	 */
	QueueClient queue(String connection, String queueName);

}
