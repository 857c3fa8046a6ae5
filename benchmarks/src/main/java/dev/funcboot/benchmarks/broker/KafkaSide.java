package dev.funcboot.benchmarks.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.TriggerStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka: one one-partition topic for the run, each round appending its messages (one producer
 * for the run). Raw: one {@code KafkaConsumer} for the run, assigned the partition and sought to
 * each round's first message, polling up to the batch size, decoding each record as text, calling a
 * no-op and committing after each poll (what Funcboot commits after each poll). Funcboot: one
 * application for the whole run, the {@code noop} function with {@code funcboot.functions.noop.kafka.*},
 * resumed for each round (its consumer reads on from where it stopped, the round's first message)
 * and paused after it ({@code POST /actuator/funcboot/noop}'s pause: the consumer stays in its
 * group, its partition paused) while the next round is filled. An application runs for long, so
 * it starts once and is measured warm, as the raw client's code is: a fresh application per
 * round, or even rebinding per round, put the JIT compiler's work on Spring's binding code (on two
 * cores, a compiler thread busy through most of each round) into Funcboot's measurement.
 */
final class KafkaSide implements BrokerSide {

	private final EmbeddedKafkaKraftBroker embedded;

	private final String brokers;

	private final int batchSize;

	private final Admin admin;

	private final String topic = "kafka-bench-" + UUID.randomUUID().toString().substring(0, 8);

	private final TopicPartition partition = new TopicPartition(this.topic, 0);

	private ConfigurableApplicationContext funcboot;

	private KafkaProducer<String, String> producer;

	private KafkaConsumer<String, String> consumer;

	/**
	 * {@code -Dbench.kafka-input=json}: both sides decode each message from JSON into an order
	 * (Jackson; Funcboot's {@code orders} function takes the order), a function that does a little
	 * work; {@code batch}: Funcboot's function takes each poll as a {@code List<String>} (one
	 * invocation per poll) and the raw client hands each poll's texts to a no-op in one call; else
	 * ({@code text}, the target's measurement) the no-op on each message's text.
	 */
	static final String INPUT = System.getProperty("bench.kafka-input", "text");

	static final boolean JSON = INPUT.equals("json");

	static final boolean BATCH = INPUT.equals("batch");

	private final String function = JSON ? "orders" : BATCH ? "batch" : "noop";

	private final ObjectMapper mapper = new ObjectMapper();

	KafkaSide(String brokers, int batchSize) throws Exception {
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
		this.admin.createTopics(List.of(new NewTopic(this.topic, 1, (short) 1))).all().get();
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public String work() {
		return JSON ? "json-decoding" : BATCH ? "no-op batch" : "no-op";
	}

	/** Appends the messages to the run's topic; returns the offset of the first one. */
	@Override
	public String fill(String prefix, int messages) throws Exception {
		long first = endOffset();
		if (this.producer == null) {
			// one producer for the run: a new one each round registered its metrics (JMX) again and
			// kept a C2 compiler thread busy into the measured part of the round
			Properties properties = new Properties();
			properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
			properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
			properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
			this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
		}
		for (int i = 0; i < messages; i++) {
			this.producer.send(new ProducerRecord<>(this.topic, "{\"id\":\"o-" + i + "\",\"quantity\":1}"));
		}
		this.producer.flush();
		return String.valueOf(first);
	}

	private long endOffset() throws Exception {
		return this.admin.listOffsets(Map.of(this.partition, OffsetSpec.latest())).all().get().get(this.partition)
			.offset();
	}

	@Override
	public double raw(String first, int messages) {
		if (this.consumer == null) {
			// one consumer for the run, as Funcboot's side keeps one application
			Properties properties = new Properties();
			properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.brokers);
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + this.topic);
			properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.batchSize);
			this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
			this.consumer.assign(List.of(this.partition));
		}
		NoopFunctionApp.Clock clock = new NoopFunctionApp.Clock();
		KafkaConsumer<String, String> consumer = this.consumer;
		consumer.seek(this.partition, Long.parseLong(first));
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (clock.count.get() < messages && System.nanoTime() < deadline) {
			var records = consumer.poll(Duration.ofMillis(100));
			if (BATCH && !records.isEmpty()) {
				List<String> values = new ArrayList<>(records.count());
				for (ConsumerRecord<String, String> record : records) {
					values.add(record.value());
				}
				noop(values, clock);
			}
			else {
				for (ConsumerRecord<String, String> record : records) {
					if (JSON) {
						decode(record.value());
					}
					else {
						noop(record.value());
					}
					clock.tick();
				}
			}
			if (clock.count.get() >= messages && NoopFunctionApp.GAPS) {
				clock.stopped();
			}
			if (!records.isEmpty()) {
				consumer.commitSync();
			}
		}
		if (Boolean.getBoolean("bench.gaps")) {
			System.out.println("raw: " + clock.gaps());
		}
		return clock.rate();
	}

	private void decode(String value) {
		try {
			if (this.mapper.readValue(value, NoopFunctionApp.Order.class).quantity() < 0) {
				throw new IllegalStateException();
			}
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void noop(List<String> values, NoopFunctionApp.Clock clock) {
		for (int i = 0; i < values.size(); i++) {
			noop(values.get(i));
			clock.tick();
		}
	}

	private static void noop(String value) {
		if (value == null) {
			throw new IllegalStateException();
		}
	}

	@Override
	public double funcboot(String first, int messages) throws Exception {
		NoopFunctionApp.CLOCK.reset();
		String group = "funcboot-" + this.topic;
		if (this.funcboot == null) {
			// its group is new: it reads from the earliest offset, the first round's first message
			this.funcboot = new SpringApplicationBuilder(NoopFunctionApp.class, NoopFunctionApp.JsonFunction.class,
					NoopFunctionApp.BatchFunction.class)
				.web(WebApplicationType.NONE)
				.properties("spring.main.banner-mode=off", "spring.cloud.stream.kafka.binder.brokers=" + this.brokers,
						"funcboot.functions." + this.function + ".kafka.destination=" + this.topic,
						"funcboot.functions." + this.function + ".kafka.group=" + group,
						"funcboot.functions." + this.function + ".kafka.batch-size=" + this.batchSize,
						"logging.level.root=WARN")
				.properties(NoopFunctionApp.ISOLATED)
				.properties(extraProperties())
				.run();
		}
		else {
			intake().resume(this.function);
		}
		try {
			BrokerWait.until(() -> NoopFunctionApp.CLOCK.count.get() >= messages, Duration.ofMinutes(5));
			if (Boolean.getBoolean("bench.gaps")) {
				NoopFunctionApp.CLOCK.stopped();
				System.out.println("funcboot: " + NoopFunctionApp.CLOCK.gaps());
			}
			return NoopFunctionApp.CLOCK.rate();
		}
		finally {
			intake().pause(this.function);
			checkCommitted(group, Long.parseLong(first) + messages, messages);
		}
	}

	/** The Kafka trigger's controls (what {@code POST /actuator/funcboot/noop} uses). */
	private TriggerStatus intake() {
		return this.funcboot.getBeansOfType(TriggerStatus.class)
			.values()
			.stream()
			.filter((status) -> status.triggerType().equals("kafka"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Funcboot's group committed the round's last message and took each message once: the next
	 * round starts at its own first message. The commit follows the function's return, so it may
	 * still be on its way when the last message is counted: it gets a few seconds.
	 */
	private void checkCommitted(String group, long expected, int messages) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		long offset = committed(group);
		while (offset < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
			offset = committed(group);
		}
		if (offset != expected || NoopFunctionApp.CLOCK.count.get() != messages) {
			throw new IllegalStateException("Funcboot's group committed offset " + offset + " after "
					+ NoopFunctionApp.CLOCK.count.get() + " messages, expected " + expected);
		}
	}

	private long committed(String group) throws Exception {
		OffsetAndMetadata committed = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get()
			.get(this.partition);
		return (committed != null) ? committed.offset() : -1;
	}

	/** More properties for the Funcboot side, from -Dbench.funcboot-properties=a=b;c=d (experiments). */
	static String[] extraProperties() {
		String extra = System.getProperty("bench.funcboot-properties", "");
		return extra.isBlank() ? new String[0] : extra.split(";");
	}

	@Override
	public void close() {
		if (this.funcboot != null) {
			SpringApplication.exit(this.funcboot);
		}
		if (this.producer != null) {
			this.producer.close();
		}
		if (this.consumer != null) {
			this.consumer.close();
		}
		this.admin.close();
		if (this.embedded != null) {
			this.embedded.destroy();
		}
	}

}
