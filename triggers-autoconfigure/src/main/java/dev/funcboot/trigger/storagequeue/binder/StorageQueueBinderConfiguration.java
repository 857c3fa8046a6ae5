package dev.funcboot.trigger.storagequeue.binder;

import java.time.Clock;
import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The binder's configuration, named in {@code META-INF/spring.binders}; Spring Cloud Stream runs
 * it in a child context of the application's. A {@link QueueClientProvider} or
 * {@link TokenCredential} bean of the application wins over the binder's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ StorageQueueBinderProperties.class, StorageQueueExtendedBindingProperties.class })
public class StorageQueueBinderConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueueClientProvider storageQueueClientProvider(StorageQueueBinderProperties properties,
			ObjectProvider<TokenCredential> credential) {
		QueueServiceClients.StorageConnection connection = new QueueServiceClients.StorageConnection(
				properties.getConnectionString(), properties.getEndpoint());
		Supplier<TokenCredential> defaultCredential = AzureCredentials.defaultCredential();
		return new QueueServiceClients(
				(name) -> QueueClientProvider.DEFAULT_CONNECTION.equals(name) ? connection : null,
				() -> credential.getIfAvailable(defaultCredential), "spring.cloud.stream.storagequeue.binder");
	}

	@Bean
	StorageQueueBinder storageQueueBinder(QueueClientProvider clients,
			StorageQueueExtendedBindingProperties extendedProperties) {
		return new StorageQueueBinder(clients, extendedProperties, Clock.systemUTC());
	}

}
