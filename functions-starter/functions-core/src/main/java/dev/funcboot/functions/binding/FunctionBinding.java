package dev.funcboot.functions.binding;

import java.util.Objects;

import dev.funcboot.functions.pipeline.FunctionPolicy;

/**
 * Which function runs on which trigger, and how.
 *
 * @param name the binding's name: the bean name of an annotated function, or the key under
 * {@code funcboot.functions}
 * @param definition the function definition looked up in the function catalog; the name by
 * default, or a composition such as {@code validate|enrich}
 * @param trigger the trigger and its settings
 * @param policy timeout, retry and concurrency
 * @param enabled whether the trigger is active
 */
public record FunctionBinding(String name, String definition, TriggerBinding trigger, FunctionPolicy policy,
		boolean enabled) {

	public FunctionBinding {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(definition, "definition");
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(policy, "policy");
	}

}
