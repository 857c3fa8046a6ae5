package dev.funcboot.demo.events;

/** A validated order, as Kafka carries it to the aggregation. */
public record OrderEvent(String orderId, String product, int quantity) {
}
