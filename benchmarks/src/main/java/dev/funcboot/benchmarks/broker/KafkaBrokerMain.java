package dev.funcboot.benchmarks.broker;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A one-node KRaft broker (spring-kafka-test's) in a JVM of its own, for the Kafka benchmark: its
 * threads, garbage and JIT compilation stay out of the JVM whose two consumers are measured.
 * Writes the bootstrap servers to the file named by the first argument, then runs until killed.
 */
public final class KafkaBrokerMain {

	private KafkaBrokerMain() {
	}

	public static void main(String[] arguments) throws Exception {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
		Path ready = Path.of(arguments[0]);
		Files.writeString(ready.resolveSibling(ready.getFileName() + ".tmp"), broker.getBrokersAsString());
		Files.move(ready.resolveSibling(ready.getFileName() + ".tmp"), ready);
		Thread.currentThread().join();
	}

}
