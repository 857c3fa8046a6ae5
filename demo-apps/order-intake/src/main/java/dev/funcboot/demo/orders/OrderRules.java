package dev.funcboot.demo.orders;

import java.util.List;

import dev.funcboot.functions.PoisonMessageException;

/** What makes an order acceptable; a broken rule is poison: retrying never fixes it. */
final class OrderRules {

	static final List<String> PRODUCTS = List.of("espresso", "flat-white", "croissant");

	private OrderRules() {
	}

	/** @throws PoisonMessageException naming the broken rule */
	static NewOrder check(NewOrder order) {
		if (order == null || order.product() == null || !PRODUCTS.contains(order.product())) {
			throw new PoisonMessageException("product must be one of " + PRODUCTS);
		}
		if (order.quantity() < 1 || order.quantity() > 100) {
			throw new PoisonMessageException("quantity must be between 1 and 100, was " + order.quantity());
		}
		return order;
	}

}
