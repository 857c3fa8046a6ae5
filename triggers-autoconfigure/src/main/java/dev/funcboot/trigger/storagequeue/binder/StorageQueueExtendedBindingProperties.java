package dev.funcboot.trigger.storagequeue.binder;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.cloud.stream.binder.AbstractExtendedBindingProperties;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;

/**
 * {@code spring.cloud.stream.storagequeue.bindings.<binding>.consumer|producer.*}, with defaults
 * for every binding under {@code spring.cloud.stream.storagequeue.default.*}.
 */
@ConfigurationProperties("spring.cloud.stream.storagequeue")
public class StorageQueueExtendedBindingProperties extends
		AbstractExtendedBindingProperties<StorageQueueConsumerProperties, StorageQueueProducerProperties, StorageQueueBindingProperties> {

	private static final String DEFAULTS_PREFIX = "spring.cloud.stream.storagequeue.default";

	@Override
	public String getDefaultsPrefix() {
		return DEFAULTS_PREFIX;
	}

	@Override
	public Map<String, StorageQueueBindingProperties> getBindings() {
		return doGetBindings();
	}

	@Override
	public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
		return StorageQueueBindingProperties.class;
	}

}
