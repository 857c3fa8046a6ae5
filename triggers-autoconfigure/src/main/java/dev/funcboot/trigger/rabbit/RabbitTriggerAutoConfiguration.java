package dev.funcboot.trigger.rabbit;

import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamTriggerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.rabbit.RabbitMessageChannelBinder;
import org.springframework.context.annotation.Bean;

/**
 * {@code @RabbitTrigger} and {@code @RabbitOutput} (and {@code @ServiceBusTrigger} with binder
 * {@code rabbit}, RabbitMQ standing in for Service Bus) on Spring Cloud Stream's Rabbit binder;
 * backs off without it.
 */
@AutoConfiguration(before = StreamTriggerAutoConfiguration.class)
@ConditionalOnClass(RabbitMessageChannelBinder.class)
public class RabbitTriggerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(RabbitStreamBroker.class)
	StreamBroker rabbitStreamBroker() {
		return new RabbitStreamBroker();
	}

}
