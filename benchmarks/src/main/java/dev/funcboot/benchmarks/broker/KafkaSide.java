package dev.funcboot.benchmarks.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka: a one-partition topic per round. Raw: a {@code KafkaConsumer} of its own group polling
 * up to the batch size, decoding each record as text, calling a no-op and committing after each
 * poll (what Funcboot's manual ack mode commits). Funcboot: the {@code noop} function with
 * {@code funcboot.functions.noop.kafka.*}.
 */
final class KafkaSide implements BrokerSide {

	private final EmbeddedKafkaKraftBroker embedded;

	private final String brokers;

	private final int batchSize;

	private final Admin admin;

	KafkaSide(String brokers, int batchSize) {
		if (brokers == null) {
			this.embedded = new EmbeddedKafkaKraftBroker(1, 1);
			this.embedded.afterPropertiesSet();
			this.brokers = this.embedded.getBrokersAsString();
			System.out.println("Kafka: embedded KRaft broker " + this.brokers + " (spring-kafka-test), in this JVM");
		}
		else {
			this.embedded = null;
			this.brokers = brokers;
			System.out.println("Kafka: " + brokers);
		}
		this.batchSize = batchSize;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers));
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public String fill(String prefix, int messages) throws Exception {
		String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < messages; i++) {
				producer.send(new ProducerRecord<>(topic, "{\"id\":\"o-" + i + "\",\"quantity\":1}"));
			}
			producer.flush();
		}
		return topic;
	}

	@Override
	public double raw(String topic, int messages) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + topic);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.batchSize);
		NoopFunctionApp.Clock clock = new NoopFunctionApp.Clock();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (clock.count.get() < messages && System.nanoTime() < deadline) {
				var records = consumer.poll(Duration.ofMillis(100));
				for (ConsumerRecord<String, String> record : records) {
					noop(record.value());
					clock.tick();
				}
				if (!records.isEmpty()) {
					consumer.commitSync();
				}
			}
		}
		if (Boolean.getBoolean("bench.gaps")) {
			System.out.println("raw: " + clock.gaps());
		}
		return clock.rate();
	}

	private static void noop(String value) {
		if (value == null) {
			throw new IllegalStateException();
		}
	}

	@Override
	public double funcboot(String topic, int messages) throws InterruptedException {
		NoopFunctionApp.CLOCK.reset();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NoopFunctionApp.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.cloud.stream.kafka.binder.brokers=" + this.brokers,
					"funcboot.functions.noop.kafka.destination=" + topic,
					"funcboot.functions.noop.kafka.group=funcboot-" + topic,
					"funcboot.functions.noop.kafka.batch-size=" + this.batchSize, "logging.level.root=WARN")
			.properties(NoopFunctionApp.ISOLATED)
			.properties(extraProperties())
			.run();
		try {
			BrokerWait.until(() -> NoopFunctionApp.CLOCK.count.get() >= messages, Duration.ofMinutes(5));
			if (Boolean.getBoolean("bench.gaps")) {
				System.out.println("funcboot: " + NoopFunctionApp.CLOCK.gaps());
			}
			return NoopFunctionApp.CLOCK.rate();
		}
		finally {
			SpringApplication.exit(context);
		}
	}

	/** More properties for the Funcboot side, from -Dbench.funcboot-properties=a=b;c=d (experiments). */
	static String[] extraProperties() {
		String extra = System.getProperty("bench.funcboot-properties", "");
		return extra.isBlank() ? new String[0] : extra.split(";");
	}

	@Override
	public void close() {
		this.admin.close();
		if (this.embedded != null) {
			this.embedded.destroy();
		}
	}

}
