package dev.funcboot.trigger.servicebus;

import com.azure.spring.cloud.stream.binder.servicebus.implementation.ServiceBusMessageChannelBinder;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamTriggerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code @ServiceBusTrigger} and {@code @ServiceBusOutput} on the Azure Service Bus binder; backs off
 * without it (RabbitMQ may stand in with binder
 * {@code rabbit}).
 */
@AutoConfiguration(before = StreamTriggerAutoConfiguration.class)
@ConditionalOnClass(ServiceBusMessageChannelBinder.class)
public class ServiceBusTriggerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ServiceBusStreamBroker.class)
	StreamBroker serviceBusStreamBroker() {
		return new ServiceBusStreamBroker();
	}

}
