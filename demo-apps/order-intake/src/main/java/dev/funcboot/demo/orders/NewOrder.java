package dev.funcboot.demo.orders;

/** The body of {@code POST /api/orders}. */
public record NewOrder(String product, int quantity, String customer) {
}
