package dev.funcboot.scaling;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;
import dev.funcboot.functions.http.RouteTemplate;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInScaleRulesTests {

	private final ScalingProperties properties = new ScalingProperties();

	@Test
	void httpFunctionsShareOneConcurrencyRule() {
		ScalingPlan plan = plan(function("products", http("products")), function("orders", http("orders")));
		assertThat(plan.rules()).hasSize(1);
		ScaleRule rule = plan.rules().get(0);
		assertThat(rule.name()).isEqualTo("http");
		assertThat(rule.type()).isEqualTo(ScaleRule.HTTP);
		assertThat(rule.metadata()).containsExactly(Map.entry("concurrentRequests", "10"));
		assertThat(plan.minReplicas()).isZero();
	}

	@Test
	void aStorageQueueIsAnAzureQueueRuleOnItsConnectionSecretWithTheBatchSizeAsQueueLength() {
		QueueOptions options = QueueOptions.DEFAULTS;
		ScaleRule rule = plan(function("validateOrder", new QueueTriggerBinding("incoming-orders", "default", options)))
			.rules()
			.get(0);
		assertThat(rule.name()).isEqualTo("validate-order-queue");
		assertThat(rule.type()).isEqualTo("azure-queue");
		assertThat(rule.metadata()).containsOnly(Map.entry("queueName", "incoming-orders"),
				Map.entry("queueLength", Integer.toString(options.batchSize())));
		assertThat(rule.auth()).containsExactly(new ScaleRule.Auth("default-connection", "connection"));
		assertThat(rule.function()).isEqualTo("validateOrder");
	}

	@Test
	void queueLengthAndSecretNamesCanBeSet() {
		this.properties.setQueueLength(5);
		this.properties.getSecrets().put("AzureWebJobsStorage", "storage-key");
		ScaleRule rule = plan(function("work", new QueueTriggerBinding("jobs", "AzureWebJobsStorage", QueueOptions.DEFAULTS)))
			.rules()
			.get(0);
		assertThat(rule.metadata()).containsEntry("queueLength", "5");
		assertThat(rule.auth()).containsExactly(new ScaleRule.Auth("storage-key", "connection"));
	}

	@Test
	void aTimerAtAFixedMinuteIsACronWindowAroundIt() {
		ScalingPlan plan = plan(function("nightlyReport",
				new TimerTriggerBinding("0 30 2 * * 1-5", ZoneId.of("Europe/Berlin"), false, true)));
		ScaleRule rule = plan.rules().get(0);
		assertThat(rule.name()).isEqualTo("nightly-report-timer");
		assertThat(rule.type()).isEqualTo("cron");
		assertThat(rule.metadata()).containsOnly(Map.entry("timezone", "Europe/Berlin"), Map.entry("start", "29 2 * * 1-5"),
				Map.entry("end", "35 2 * * 1-5"), Map.entry("desiredReplicas", "1"));
		assertThat(plan.minReplicas()).isZero();
	}

	@Test
	void aFrequentTimerKeepsOneReplicaAndSaysWhy() {
		ScalingPlan plan = plan(function("cleanupOrders", new TimerTriggerBinding("0 */5 * * * *", ZoneId.of("UTC"), false, true)),
				function("poll", new TimerTriggerBinding("00:00:30", ZoneId.of("UTC"), false, false)));
		assertThat(plan.rules()).isEmpty();
		assertThat(plan.minReplicas()).isEqualTo(1);
		assertThat(plan.notes()).hasSize(2).allSatisfy((note) -> assertThat(note).contains("keeps 1 replica"));
	}

	@Test
	void aBlobTriggerKeepsOneReplicaForItsPoller() {
		ScalingPlan plan = plan(function("splitOrderFile", new BlobTriggerBinding(
				dev.funcboot.functions.blob.BlobPath.parse("order-files/{name}.csv"), "default",
				dev.funcboot.functions.binding.BlobOptions.DEFAULTS)));
		assertThat(plan.rules()).isEmpty();
		assertThat(plan.minReplicas()).isEqualTo(1);
		assertThat(plan.notes()).singleElement().asString().contains("'splitOrderFile' polls 'order-files/{name}.csv'");
	}

	@Test
	void theMinimumNeverExceedsTheMaximum() {
		ScalingPlan.Builder builder = ScalingPlan.builder(0, 1);
		builder.atLeast(3, "reason");
		assertThat(builder.build().minReplicas()).isEqualTo(1);
	}

	private ScalingPlan plan(FunctionBinding... functions) {
		ScalingPlan.Builder plan = ScalingPlan.builder(0, 10);
		new BuiltInScaleRules(this.properties).contribute(List.of(functions), plan);
		return plan.build();
	}

	static FunctionBinding function(String name, TriggerBinding trigger) {
		return new FunctionBinding(name, name, trigger, new FunctionPolicy(Duration.ofMinutes(5), RetryPolicy.NONE, 0),
				true, List.of());
	}

	static HttpTriggerBinding http(String route) {
		return new HttpTriggerBinding(RouteTemplate.parse(route), EnumSet.of(HttpMethod.GET), AuthLevel.ANONYMOUS);
	}

}
