package dev.funcboot.demo.events;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Orders in over HTTP, through RabbitMQ and Kafka, counted per product. With the {@code local}
 * profile and no Kafka configured ({@code spring.cloud.stream.kafka.binder.brokers}), an embedded
 * KRaft broker starts in this JVM first, so the demo runs with one command and RabbitMQ alone.
 */
@SpringBootApplication
@EnableConfigurationProperties(OrderEventsProperties.class)
public class OrderEventsApplication {

	static final String KAFKA_BROKERS = "spring.cloud.stream.kafka.binder.brokers";

	public static void main(String[] args) {
		startLocalKafkaIfNeeded(args);
		SpringApplication.run(OrderEventsApplication.class, args);
	}

	/** Starts an embedded Kafka broker for the {@code local} profile when none is configured. */
	static String startLocalKafkaIfNeeded(String[] args) {
		String profiles = System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"));
		boolean local = (profiles != null && Arrays.asList(profiles.split(",")).contains("local"))
				|| Arrays.stream(args).anyMatch((arg) -> arg.matches("--spring.profiles.active=.*local.*"));
		boolean configured = System.getProperty(KAFKA_BROKERS) != null
				|| System.getenv("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS") != null
				|| Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--" + KAFKA_BROKERS + "="));
		if (!local || configured) {
			return null;
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		System.setProperty(KAFKA_BROKERS, broker.getBrokersAsString());
		System.out.println("local profile: embedded Kafka (KRaft) on " + broker.getBrokersAsString());
		return broker.getBrokersAsString();
	}

}
