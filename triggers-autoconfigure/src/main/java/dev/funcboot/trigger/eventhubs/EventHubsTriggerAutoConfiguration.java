package dev.funcboot.trigger.eventhubs;

import com.azure.spring.cloud.stream.binder.eventhubs.implementation.EventHubsMessageChannelBinder;
import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamTriggerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code @EventHubTrigger} and {@code @EventHubOutput} on the Azure Event Hubs binder; backs off
 * without it (an event hub is then still reachable through its Kafka endpoint with binder
 * {@code kafka}).
 */
@AutoConfiguration(before = StreamTriggerAutoConfiguration.class)
@ConditionalOnClass(EventHubsMessageChannelBinder.class)
public class EventHubsTriggerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(EventHubsStreamBroker.class)
	StreamBroker eventHubsStreamBroker() {
		return new EventHubsStreamBroker();
	}

}
