package dev.funcboot.trigger.kafka;

import dev.funcboot.trigger.stream.StreamBroker;
import dev.funcboot.trigger.stream.StreamTriggerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.converter.BatchMessageConverter;

/**
 * {@code @KafkaTrigger} and {@code @KafkaOutput} (and {@code @EventHubTrigger} with binder
 * {@code kafka}) on Spring Cloud Stream's Kafka binder; backs off without it.
 */
@AutoConfiguration(before = StreamTriggerAutoConfiguration.class)
@ConditionalOnClass(KafkaMessageChannelBinder.class)
public class KafkaTriggerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(KafkaStreamBroker.class)
	StreamBroker kafkaStreamBroker() {
		return new KafkaStreamBroker();
	}

	@Bean(KafkaPollConverter.BEAN_NAME)
	BatchMessageConverter funcbootKafkaPollConverter() {
		return new KafkaPollConverter();
	}

}
