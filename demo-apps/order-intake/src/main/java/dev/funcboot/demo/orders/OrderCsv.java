package dev.funcboot.demo.orders;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.functions.PoisonMessageException;

/** Reads {@code product,quantity,customer} lines; a header line starting with "product" is skipped. */
final class OrderCsv {

	private OrderCsv() {
	}

	/** @throws PoisonMessageException naming the line that is not an order line */
	static List<NewOrder> parse(String csv) {
		List<NewOrder> orders = new ArrayList<>();
		String[] lines = csv.strip().split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("product"))) {
				continue;
			}
			String[] fields = line.split(",", -1);
			if (fields.length < 2) {
				throw new PoisonMessageException("line " + (i + 1) + " is not 'product,quantity[,customer]': " + line);
			}
			int quantity;
			try {
				quantity = Integer.parseInt(fields[1].strip());
			}
			catch (NumberFormatException ex) {
				throw new PoisonMessageException("line " + (i + 1) + ": quantity '" + fields[1].strip()
						+ "' is not a number");
			}
			orders.add(new NewOrder(fields[0].strip(), quantity, (fields.length > 2) ? fields[2].strip() : null));
		}
		return orders;
	}

}
