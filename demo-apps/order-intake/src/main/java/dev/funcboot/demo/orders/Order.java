package dev.funcboot.demo.orders;

import java.time.Instant;

/** A stored order. */
public record Order(long id, String product, int quantity, String customer, Instant createdAt) {
}
