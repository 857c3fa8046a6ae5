package dev.funcboot.demo.orders;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.annotation.QueueTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asynchronous intake, on Azure Storage queues (Azurite locally): an HTTP function puts
 * orders on {@code incoming-orders}; a queue function validates each one, stores it and passes
 * it on to {@code accepted-orders}; CSV files uploaded to the {@code order-files} container are
 * split into queued orders. A bad order lands in {@code incoming-orders-poison} with the reason; a
 * failure of the database is retried. One trace runs from the HTTP request to the accepted order.
 */
@Configuration(proxyBeanMethods = false)
public class OrderQueueFunctions {

	private static final Logger logger = LoggerFactory.getLogger(OrderQueueFunctions.class);

	/** Key-protected: takes an order for later processing; answers 202 with what was queued. */
	@Bean
	@HttpTrigger(route = "intake", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	@QueueOutput(queue = "${demo.queues.incoming}")
	Function<NewOrder, NewOrder> submitOrder() {
		return (order) -> {
			logger.info("Queued order for {} x {}", order.quantity(), order.product());
			return order;
		};
	}

	/**
	 * A CSV file of orders ({@code product,quantity,customer} per line, an optional header line)
	 * uploaded to {@code order-files} becomes one queued order per line, which {@code validateOrder}
	 * then checks like any other: one bad line lands in the poison queue, the others go through. A
	 * file that is not CSV at all is poison as a whole (the blob poison queue, with the reason).
	 * Each file version runs once (receipts), however many replicas poll.
	 */
	@Bean
	@BlobTrigger(path = "${demo.blobs.order-files}/{name}.csv")
	@QueueOutput(queue = "${demo.queues.incoming}")
	Function<String, List<NewOrder>> splitOrderFile() {
		return (csv) -> {
			List<NewOrder> orders = OrderCsv.parse(csv);
			logger.info("Split an order file into {} orders", orders.size());
			return orders;
		};
	}

	/** Validates, stores and forwards each queued order. */
	@Bean
	@QueueTrigger(queue = "${demo.queues.incoming}")
	@QueueOutput(queue = "${demo.queues.accepted}")
	Function<NewOrder, Order> validateOrder(OrderRepository orders, Clock clock) {
		return (order) -> {
			Order saved = orders.save(OrderRules.check(order), clock.instant());
			logger.info("Accepted queued order {} ({} x {})", saved.id(), saved.quantity(), saved.product());
			return saved;
		};
	}

}
