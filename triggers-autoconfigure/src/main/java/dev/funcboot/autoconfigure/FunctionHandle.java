package dev.funcboot.autoconfigure;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * A binding together with the catalog function it calls. Adapters decode their payload into
 * {@link #inputType()} and call {@link #call(Object)}.
 */
public final class FunctionHandle {

	private final FunctionBinding binding;

	private final FunctionInvocationWrapper function;

	private final Type inputType;

	FunctionHandle(FunctionBinding binding, FunctionInvocationWrapper function) {
		this.binding = binding;
		this.function = function;
		this.inputType = function.isSupplier() ? null : function.getInputType();
		if (rawClass(this.inputType) == byte[].class) {
			// the adapters hand over the raw bytes; Spring Cloud Function would otherwise read bytes
			// that look like JSON as JSON (and fail to make a byte[] of an object)
			function.setSkipInputConversion(true);
		}
	}

	public FunctionBinding binding() {
		return this.binding;
	}

	/** The function's input type (may be parameterized), or {@code null} for a supplier. */
	public Type inputType() {
		return this.inputType;
	}

	/** The raw class of the input type, or {@code null} for a supplier. */
	public Class<?> inputClass() {
		return rawClass(this.inputType);
	}

	public boolean isSupplier() {
		return this.function.isSupplier();
	}

	public boolean isConsumer() {
		return this.function.isConsumer();
	}

	/** Calls the function with an already decoded input ({@code null} for a supplier). */
	public Object call(Object input) {
		if (this.function.isSupplier()) {
			return this.function.get();
		}
		return this.function.apply(input);
	}

	public static Class<?> rawClass(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return rawClass(p.getRawType());
		}
		return (type != null) ? Object.class : null;
	}

}
