package dev.funcboot.scaling;

import java.util.List;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.functions.binding.FunctionBinding;

/** Asks every {@link ScaleRuleContributor} for the rules of the application's enabled functions. */
public final class ScalingPlanner {

	private final FunctionBindingRegistry registry;

	private final List<ScaleRuleContributor> contributors;

	private final ScalingProperties properties;

	public ScalingPlanner(FunctionBindingRegistry registry, List<ScaleRuleContributor> contributors,
			ScalingProperties properties) {
		this.registry = registry;
		this.contributors = List.copyOf(contributors);
		this.properties = properties;
	}

	public ScalingPlan plan() {
		ScalingPlan.Builder plan = ScalingPlan.builder(this.properties.getMinReplicas(),
				this.properties.getMaxReplicas());
		List<FunctionBinding> enabled = this.registry.all().stream().filter(FunctionBinding::enabled).toList();
		for (ScaleRuleContributor contributor : this.contributors) {
			contributor.contribute(enabled, plan);
		}
		ScalingPlan built = plan.build();
		if (built.rules().isEmpty() && built.minReplicas() == 0) {
			plan.atLeast(1, "no trigger implies a scale rule: the app keeps 1 replica instead of scaling to zero for good");
			built = plan.build();
		}
		return built;
	}

}
