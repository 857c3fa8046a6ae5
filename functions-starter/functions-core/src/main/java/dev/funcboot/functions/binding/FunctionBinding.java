package dev.funcboot.functions.binding;

import java.util.List;
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
 * @param outputs where the function's return value is sent besides back to the trigger; never
 * {@code null}
 */
public record FunctionBinding(String name, String definition, TriggerBinding trigger, FunctionPolicy policy,
		boolean enabled, List<OutputBinding> outputs) {

	public FunctionBinding {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(definition, "definition");
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(policy, "policy");
		outputs = (outputs != null) ? List.copyOf(outputs) : List.of();
	}

	/** A binding without outputs. */
	public FunctionBinding(String name, String definition, TriggerBinding trigger, FunctionPolicy policy,
			boolean enabled) {
		this(name, definition, trigger, policy, enabled, List.of());
	}

	/** The outputs of one type ({@code queue}, ...). */
	public <T extends OutputBinding> List<T> outputsOfType(Class<T> type) {
		return this.outputs.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
