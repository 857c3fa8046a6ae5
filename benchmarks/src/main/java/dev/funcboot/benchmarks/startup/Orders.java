package dev.funcboot.benchmarks.startup;

/** The order types of both start-up applications. */
public final class Orders {

	private Orders() {
	}

	public record NewOrder(String item, int quantity) {
	}

	public record OrderQuery(int id) {
	}

	public record Order(int id, String item, int quantity) {
	}

}
