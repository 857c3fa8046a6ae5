package dev.funcboot.demo.approval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.TaskOptions;
import dev.funcboot.durable.TaskRetryPolicy;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.durable.web.DurableHttpClient;
import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.http.HttpRequestMessage;
import dev.funcboot.functions.http.HttpResponseMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orchestrators, their activities (plain function beans) and the HTTP functions that start them. */
@Configuration(proxyBeanMethods = false)
public class Workflows {

	public record Order(String id, String product, int quantity, int amountCents) {
	}

	public record Outcome(String orderId, String decision, String detail) {
	}

	public record RegionTotal(String region, long cents) {
	}

	public record Report(List<RegionTotal> regions, long totalCents) {
	}

	/** Order → reserve stock → manager approval (or timeout) → charge, or cancel and release. */
	@Bean
	Orchestrator<Order, Outcome> orderApproval(@Value("${demo.approval-timeout:P3D}") Duration timeout) {
		return (ctx, order) -> {
			TaskOptions retry = TaskOptions.withRetry(new TaskRetryPolicy(3, Duration.ofSeconds(2), 2.0, null, null));
			String reservation = ctx.callActivity("reserveStock", order, String.class, retry).await();
			ctx.setCustomStatus("waiting for manager approval until " + ctx.currentInstant().plus(timeout));
			try {
				Boolean approved = ctx.waitForExternalEvent("approval", timeout, Boolean.class).await();
				if (Boolean.TRUE.equals(approved)) {
					String receipt = ctx.callActivity("chargePayment", order, String.class, retry).await();
					return new Outcome(order.id(), "approved", receipt);
				}
				ctx.callActivity("releaseStock", reservation, String.class).await();
				return new Outcome(order.id(), "rejected", "stock released");
			}
			catch (TaskTimedOutException ex) {
				ctx.callActivity("releaseStock", reservation, String.class).await();
				return new Outcome(order.id(), "expired", "no decision within " + timeout);
			}
		};
	}

	/** Fan-out over regions, fan-in the totals. */
	@Bean
	Orchestrator<List<String>, Report> salesReport() {
		return (ctx, regions) -> {
			List<Task<RegionTotal>> parts = new ArrayList<>();
			for (String region : regions) {
				parts.add(ctx.callActivity("regionTotal", region, RegionTotal.class));
			}
			List<RegionTotal> totals = ctx.allOf(parts).await();
			return new Report(totals, totals.stream().mapToLong(RegionTotal::cents).sum());
		};
	}

	@Bean
	Function<Order, String> reserveStock() {
		return (order) -> "reservation-" + order.id() + "-" + order.quantity() + "x" + order.product();
	}

	@Bean
	Function<Order, String> chargePayment() {
		return (order) -> "charged " + order.amountCents() + " cents for " + order.id();
	}

	@Bean
	Function<String, String> releaseStock() {
		return (reservation) -> "released " + reservation;
	}

	@Bean
	Function<String, RegionTotal> regionTotal() {
		return (region) -> new RegionTotal(region, Math.abs(region.hashCode() % 100_000) * 10L);
	}

	/** Starts an approval; answers 202 with the Durable Functions management URLs. */
	@Bean
	@HttpTrigger(route = "orders", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	Function<HttpRequestMessage<Order>, HttpResponseMessage> submitOrder(DurableHttpClient durable) {
		return (request) -> {
			Order order = request.getBody();
			if (order == null || order.id() == null || order.quantity() < 1) {
				throw new PoisonMessageException("an order needs an id and a quantity of at least 1");
			}
			return durable.createCheckStatusResponse(durable.scheduleNewOrchestration("orderApproval", order));
		};
	}

	/** Starts the batch job over the given regions. */
	@Bean
	@HttpTrigger(route = "reports", methods = HttpMethod.POST, authLevel = AuthLevel.FUNCTION)
	Function<HttpRequestMessage<List<String>>, HttpResponseMessage> startReport(DurableHttpClient durable) {
		return (request) -> {
			List<String> regions = (request.getBody() != null) ? request.getBody() : List.of("emea", "amer", "apac");
			return durable.createCheckStatusResponse(durable.scheduleNewOrchestration("salesReport", regions));
		};
	}

}
