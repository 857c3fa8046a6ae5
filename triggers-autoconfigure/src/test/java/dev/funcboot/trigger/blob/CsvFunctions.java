package dev.funcboot.trigger.blob;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.trigger.messaging.TriggerRecorder;
import dev.funcboot.trigger.messaging.TriggerTestApplication.Order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order-intake shape, declared by annotations: a CSV upload split into one queue message per line. */
@Configuration(proxyBeanMethods = false)
class CsvFunctions {

	@Bean
	@BlobTrigger(path = "${test.csv.container}/{name}.csv")
	@QueueOutput(queue = "${test.csv.queue}")
	Function<String, List<Order>> split(TriggerRecorder recorder) {
		return (csv) -> {
			List<Order> orders = new ArrayList<>();
			for (String line : csv.strip().split("\n")) {
				String[] fields = line.split(",");
				orders.add(new Order(fields[0].trim(), Integer.parseInt(fields[1].trim())));
			}
			orders.forEach((order) -> recorder.completed(order.id()));
			return orders;
		};
	}

}
