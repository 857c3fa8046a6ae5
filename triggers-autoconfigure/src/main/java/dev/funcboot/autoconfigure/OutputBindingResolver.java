package dev.funcboot.autoconfigure;

import java.lang.annotation.Annotation;

import dev.funcboot.functions.binding.OutputBinding;

/**
 * Turns an output annotation ({@code @QueueOutput}, ...) and/or the
 * {@code funcboot.functions.<name>.*-output.*} properties into an {@link OutputBinding}. Each
 * output technology's auto-configuration contributes one.
 */
public interface OutputBindingResolver {

	/** The annotation that declares this output on a function bean. */
	Class<? extends Annotation> annotationType();

	/**
	 * @param name the binding name
	 * @param annotation the output annotation on the bean, or {@code null}
	 * @param properties the binding's properties, or {@code null}
	 * @param values resolves placeholders
	 * @return the output binding, or {@code null} when neither annotation nor properties declare
	 * this output
	 * @throws IllegalStateException naming the function and the offending value, for an invalid
	 * declaration
	 */
	OutputBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values);

}
