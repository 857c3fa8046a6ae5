package dev.funcboot.durable.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.scaling.ScaleRule;
import dev.funcboot.scaling.ScaleRuleContributor;
import dev.funcboot.scaling.ScalingPlan;

/**
 * Durable work scales on the backlog the app itself reports at {@code /actuator/durable}
 * ({@code backlog}: pending, running and continued-as-new instances), through KEDA's
 * {@code metrics-api} scaler. That scaler asks the app, so it cannot wake an app scaled to zero:
 * the plan keeps one replica.
 */
final class DurableScaleRules implements ScaleRuleContributor {

	private final String appName;

	private final int targetBacklog;

	DurableScaleRules(String appName, int targetBacklog) {
		this.appName = appName;
		this.targetBacklog = targetBacklog;
	}

	@Override
	public void contribute(Collection<FunctionBinding> functions, ScalingPlan.Builder plan) {
		plan.rule(new ScaleRule("durable-backlog", "metrics-api",
				Map.of("url", "http://" + this.appName + "/actuator/durable", "valueLocation", "backlog", "targetValue",
						Integer.toString(this.targetBacklog)),
				List.of(), null));
		plan.atLeast(1, "durable orchestrations scale on the backlog the app reports itself (metrics-api), which "
				+ "cannot wake a scaled-to-zero app: the app keeps 1 replica");
	}

}
