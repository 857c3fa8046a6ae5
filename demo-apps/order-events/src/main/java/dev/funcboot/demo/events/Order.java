package dev.funcboot.demo.events;

/** An order as the HTTP API accepts it and RabbitMQ carries it. */
public record Order(String id, String product, int quantity) {
}
