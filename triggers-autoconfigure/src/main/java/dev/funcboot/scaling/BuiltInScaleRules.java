package dev.funcboot.scaling;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;

/**
 * The rules of the triggers in this module: HTTP → Container Apps' HTTP concurrency rule; Storage
 * queue → {@code azure-queue}; timer → {@code cron} (see {@link CronWindow}); a blob trigger
 * keeps one replica.
 */
final class BuiltInScaleRules implements ScaleRuleContributor {

	private final ScalingProperties properties;

	BuiltInScaleRules(ScalingProperties properties) {
		this.properties = properties;
	}

	@Override
	public void contribute(Collection<FunctionBinding> functions, ScalingPlan.Builder plan) {
		for (FunctionBinding function : functions) {
			if (function.trigger() instanceof HttpTriggerBinding) {
				// one rule serves every HTTP function: Container Apps counts requests per replica
				plan.rule(new ScaleRule("http", ScaleRule.HTTP,
						Map.of("concurrentRequests", Integer.toString(this.properties.getHttpConcurrentRequests())),
						List.of(), null));
			}
			else if (function.trigger() instanceof QueueTriggerBinding queue) {
				plan.rule(queueRule(function, queue));
			}
			else if (function.trigger() instanceof TimerTriggerBinding timer) {
				CronWindow.contribute(function.name(), timer, this.properties.getTimerWindow(), plan);
			}
			else if (function.trigger() instanceof BlobTriggerBinding blob) {
				// KEDA's azure-blob scaler counts every blob in the container, processed or not, so
				// it would never let the app go; a poller needs a replica anyway
				plan.atLeast(1, "blob function '" + function.name() + "' polls '" + blob.path().path()
						+ "' (KEDA's azure-blob scaler counts processed blobs too): the app keeps 1 replica");
			}
		}
	}

	private ScaleRule queueRule(FunctionBinding function, QueueTriggerBinding queue) {
		int length = (this.properties.getQueueLength() != null) ? this.properties.getQueueLength()
				: queue.options().batchSize();
		return new ScaleRule(ScaleRule.ruleName(function.name(), "queue"), "azure-queue",
				Map.of("queueName", queue.queue(), "queueLength", Integer.toString(length)),
				List.of(new ScaleRule.Auth(this.properties.secretFor(queue.connection()), "connection")),
				function.name());
	}

}
