package dev.funcboot.benchmarks.http;

import java.util.List;

/** The small JSON document both endpoints read and write. */
public record Payload(String orderId, String customer, int quantity, double price, List<String> tags) {

	/** The request body the load generator sends. */
	public static final String SAMPLE_JSON = "{\"orderId\":\"o-1842\",\"customer\":\"c-77\",\"quantity\":3,"
			+ "\"price\":19.99,\"tags\":[\"express\",\"gift\"]}";

}
