package dev.funcboot.scaling;

import java.util.Collection;
import java.util.List;

import dev.funcboot.functions.binding.FunctionBinding;

/**
 * Derives KEDA scale rules from the declared bindings; each trigger technology contributes the
 * rules of its bindings (and may ask for a minimum of replicas, e.g. timers, which cannot fire in
 * an app scaled to zero).
 */
@FunctionalInterface
public interface ScaleRuleContributor {

	/** @param functions every enabled function binding of the application */
	void contribute(Collection<FunctionBinding> functions, ScalingPlan.Builder plan);

	/** The rules a contributor adds for the given functions, for tests. */
	static List<ScaleRule> rulesOf(ScaleRuleContributor contributor, Collection<FunctionBinding> functions) {
		ScalingPlan.Builder plan = ScalingPlan.builder(0, 10);
		contributor.contribute(functions, plan);
		return plan.build().rules();
	}

}
