package dev.funcboot.autoconfigure;

import java.lang.annotation.Annotation;

import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/**
 * Turns a trigger annotation and/or the {@code funcboot.functions.<name>.*} properties into a
 * {@link TriggerBinding}. Each trigger's auto-configuration contributes one.
 */
public interface TriggerBindingResolver {

	/** The annotation that declares this trigger on a function bean. */
	Class<? extends Annotation> annotationType();

	/**
	 * @param name the binding name
	 * @param annotation the trigger annotation on the bean, or {@code null}
	 * @param properties the binding's properties, or {@code null}
	 * @param values resolves placeholders and durations
	 * @return the trigger binding, or {@code null} when neither annotation nor properties
	 * declare this trigger
	 * @throws IllegalStateException naming the function and the offending value, for an
	 * invalid declaration
	 */
	TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values);

	/**
	 * Whether this trigger's adapter sends the function's return value to declared output
	 * bindings; a function declaring outputs on a trigger that does not fails the start-up
	 * rather than dropping its results.
	 */
	default boolean supportsOutputs() {
		return false;
	}

	/**
	 * Whether this trigger's adapter sends results to this kind of output; by default every kind
	 * when {@link #supportsOutputs()}. A trigger that handles only some kinds says so here, so
	 * that a function declaring another kind fails the start-up instead of losing its results.
	 */
	default boolean supportsOutput(OutputBinding output) {
		return supportsOutputs();
	}

}
