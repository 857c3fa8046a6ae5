package dev.funcboot.trigger.storagequeue.binder;

import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.cloud.stream.config.BindingHandlerAdvise;
import org.springframework.cloud.stream.config.BindingHandlerAdvise.MappingsProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Makes {@code spring.cloud.stream.storagequeue.default.*} the base of every binding's
 * {@code spring.cloud.stream.storagequeue.bindings.<binding>.*}, also of bindings that set some
 * values of their own. Lives in the application context (where Spring Cloud Stream looks for
 * mappings), not in the binder's child context.
 */
@AutoConfiguration
@ConditionalOnClass(BindingHandlerAdvise.class)
public class StorageQueueBinderDefaultsAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static MappingsProvider storageQueueExtendedPropertiesDefaultMappingsProvider() {
		return () -> Map.of(ConfigurationPropertyName.of("spring.cloud.stream.storagequeue.bindings"),
				ConfigurationPropertyName.of("spring.cloud.stream.storagequeue.default"));
	}

}
