package dev.funcboot.demo.approval;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Durable orchestrations on Funcboot: an approval workflow started over HTTP (order, reserve
 * stock, wait for a manager's approval or a timeout, then charge or cancel) and a fan-out/fan-in
 * batch job.
 */
@SpringBootApplication
public class OrderApprovalApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderApprovalApplication.class, args);
	}

}
