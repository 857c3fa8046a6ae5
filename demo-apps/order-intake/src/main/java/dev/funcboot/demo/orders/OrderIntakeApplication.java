package dev.funcboot.demo.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Order intake: an HTTP API of plain function beans (anonymous catalogue, key-protected order
 * creation and lookup) and a timer that cleans up old orders once across all replicas.
 */
@SpringBootApplication
public class OrderIntakeApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderIntakeApplication.class, args);
	}

}
