package dev.funcboot.durable.internal.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.funcboot.durable.OrchestrationContext;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.Task;
import dev.funcboot.durable.TaskOptions;
import dev.funcboot.durable.TaskRetryPolicy;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * Representative orchestrators whose recorded histories are kept in {@code golden/*.json}. Changing
 * what one of them calls breaks instances already running: {@link GoldenHistoryReplayTests} fails,
 * and the fix is a new orchestrator name, not new golden files.
 */
final class GoldenOrchestrations {

	private GoldenOrchestrations() {
	}

	static OrchestratorCatalog catalog() {
		return OrchestratorCatalog.of(List.of(OrchestratorRegistration.of("OrderChain", new OrderChain()),
				OrchestratorRegistration.of("FanOutFanIn", new FanOutFanIn()),
				OrchestratorRegistration.of("Approval", new Approval()),
				OrchestratorRegistration.of("JobMonitor", new JobMonitor()),
				OrchestratorRegistration.of("ChargeWithRetry", new ChargeWithRetry())));
	}

	/** Each golden file: how it is recorded, from a fresh driver. */
	static List<Scenario> scenarios() {
		return List.of(new Scenario("order-chain", (driver) -> driver
			.activity("ValidateOrder", (order) -> order + ":valid")
			.activity("ReserveStock", (order) -> order + ":reserved")
			.activity("ShipOrder", (order) -> order + ":shipped")
			.start("OrderChain", "order-chain-1", "ORD-1")),
				new Scenario("fan-out-fan-in", (driver) -> driver.oneEventPerStep()
					.activity("CountWords", String.class, (file) -> file.length() * 10)
					.start("FanOutFanIn", "fan-out-1", List.of("a.txt", "bb.txt", "ccc.txt", "dddd.txt", "eeeee.txt"))),
				new Scenario("approval-approved", (driver) -> {
					StepDriver.Instance instance = approvalActivities(driver).start("Approval", "approval-1",
							new ApprovalRequest("REQ-1", "alice"));
					driver.advance(Duration.ofDays(1));
					driver.raiseEvent("approval-1", "ApprovalEvent", true);
					return instance;
				}), new Scenario("approval-escalated", (driver) -> {
					StepDriver.Instance instance = approvalActivities(driver).start("Approval", "approval-2",
							new ApprovalRequest("REQ-2", "bob"));
					driver.advance(Duration.ofDays(3));
					return instance;
				}), new Scenario("job-monitor", (driver) -> {
					AtomicInteger checks = new AtomicInteger();
					StepDriver.Instance instance = driver
						.activity("CheckJob", (job) -> (checks.incrementAndGet() < 3) ? "running" : "done")
						.activity("SendAlert", (text) -> null)
						.start("JobMonitor", "monitor-1", new MonitorState("JOB-7", 1));
					driver.advance(Duration.ofMinutes(10));
					driver.advance(Duration.ofMinutes(10));
					return instance;
				}), new Scenario("charge-with-retry", (driver) -> {
					AtomicInteger attempts = new AtomicInteger();
					StepDriver.Instance instance = driver.activity("ChargeCard", (order) -> {
						if (attempts.incrementAndGet() < 3) {
							throw new IllegalStateException("payment gateway unavailable");
						}
						return "charged " + order;
					}).activity("SendReceipt", (text) -> "receipt for " + text).start("ChargeWithRetry", "charge-1", "ORD-9");
					driver.advance(Duration.ofSeconds(30));
					driver.advance(Duration.ofSeconds(60));
					return instance;
				}));
	}

	private static StepDriver approvalActivities(StepDriver driver) {
		return driver.activity("RequestApproval", ApprovalRequest.class, (request) -> null)
			.activity("Escalate", ApprovalRequest.class, (request) -> null);
	}

	/** A golden file's name (without {@code .json}) and how its history is recorded. */
	record Scenario(String name, Function<StepDriver, StepDriver.Instance> run) {

		List<HistoryEvent> record() {
			StepDriver.Instance instance = this.run.apply(new StepDriver(catalog()));
			if (instance.status().isTerminal()) {
				return instance.fullHistory();
			}
			throw new IllegalStateException("Scenario " + this.name + " did not end: " + instance.status());
		}

	}

	/** Function chaining: three activities, each fed the previous result. */
	static final class OrderChain implements Orchestrator<String, String> {

		@Override
		public String run(OrchestrationContext context, String orderId) {
			String validated = context.callActivity("ValidateOrder", orderId, String.class).await();
			String reserved = context.callActivity("ReserveStock", validated, String.class).await();
			return context.callActivity("ShipOrder", reserved, String.class).await();
		}

	}

	/** Fan-out/fan-in: one activity per file, in parallel, then the sum. */
	static final class FanOutFanIn implements Orchestrator<List<String>, Integer> {

		@Override
		public Integer run(OrchestrationContext context, List<String> files) {
			List<Task<Integer>> counts = new ArrayList<>();
			for (String file : files) {
				counts.add(context.callActivity("CountWords", file, Integer.class));
			}
			return context.allOf(counts).await().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** Human interaction: ask, wait up to three days for the answer, escalate when none comes. */
	static final class Approval implements Orchestrator<ApprovalRequest, String> {

		@Override
		public String run(OrchestrationContext context, ApprovalRequest request) {
			context.callActivity("RequestApproval", request, Void.class).await();
			try {
				boolean approved = context.<Boolean>waitForExternalEvent("ApprovalEvent", Duration.ofDays(3),
						Boolean.class).await();
				return (approved ? "approved " : "rejected ") + request.requestId();
			}
			catch (TaskTimedOutException ex) {
				context.callActivity("Escalate", request, Void.class).await();
				return "escalated " + request.requestId();
			}
		}

	}

	/** Monitor: check, sleep ten minutes, start over as new until the job is done. */
	static final class JobMonitor implements Orchestrator<MonitorState, String> {

		@Override
		public String run(OrchestrationContext context, MonitorState state) {
			context.setCustomStatus("check " + state.round());
			String status = context.callActivity("CheckJob", state.jobId(), String.class).await();
			if ("done".equals(status)) {
				context.callActivity("SendAlert", state.jobId() + " done after " + state.round() + " checks", Void.class)
					.await();
				return "done after " + state.round() + " checks";
			}
			context.createTimer(Duration.ofMinutes(10)).await();
			context.continueAsNew(new MonitorState(state.jobId(), state.round() + 1));
			return null;
		}

	}

	/** An activity retried with back-off, then a second activity. */
	static final class ChargeWithRetry implements Orchestrator<String, String> {

		private static final TaskRetryPolicy RETRY = new TaskRetryPolicy(4, Duration.ofSeconds(30), 2.0,
				Duration.ofMinutes(5), null);

		@Override
		public String run(OrchestrationContext context, String orderId) {
			String charge = context.<String>callActivity("ChargeCard", orderId, String.class,
					TaskOptions.withRetry(RETRY)).await();
			return context.callActivity("SendReceipt", charge, String.class).await();
		}

	}

	record ApprovalRequest(String requestId, String requester) {
	}

	record MonitorState(String jobId, int round) {
	}

}
