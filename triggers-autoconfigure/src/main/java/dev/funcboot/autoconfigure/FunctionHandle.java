package dev.funcboot.autoconfigure;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * A binding together with the catalog function it calls. Adapters decode their payload into
 * {@link #inputType()} and call {@link #call(Object)}.
 *
 * <p>A plain {@code Function} or {@code Consumer} bean (one bean, not a composition, no
 * {@code Message} or reactive types, singleton) is called directly once its input is decoded:
 * Spring Cloud Function's wrapper would only look at the already converted input again, per
 * call (for a {@code String}, it parses the text to see whether it is a JSON array). Everything
 * else goes through the wrapper.
 */
public final class FunctionHandle {

	private final FunctionBinding binding;

	private final FunctionInvocationWrapper function;

	private final Type inputType;

	private final Class<?> inputClass;

	/** The bean itself when it may be called directly, else {@code null}. */
	private final Object direct;

	FunctionHandle(FunctionBinding binding, FunctionInvocationWrapper function) {
		this.binding = binding;
		this.function = function;
		this.inputType = function.isSupplier() ? null : function.getInputType();
		if (rawClass(this.inputType) == byte[].class) {
			// the adapters hand over the raw bytes; Spring Cloud Function would otherwise read bytes
			// that look like JSON as JSON (and fail to make a byte[] of an object)
			function.setSkipInputConversion(true);
		}
		this.inputClass = rawClass(this.inputType);
		this.direct = directTarget(function);
	}

	private static Object directTarget(FunctionInvocationWrapper function) {
		String definition = function.getFunctionDefinition();
		if (definition == null || definition.contains("|") || definition.contains(",") || function.isSupplier()
				|| function.isPrototype() || function.isRoutingFunction() || function.isWrappedBiConsumer()
				|| function.isInputTypeMessage() || function.isOutputTypeMessage() || function.isInputTypePublisher()
				|| function.isOutputTypePublisher() || function.getEnhancer() != null) {
			return null;
		}
		Object target = function.getTarget();
		return (target instanceof Function<?, ?> || target instanceof Consumer<?>) ? target : null;
	}

	/** Whether {@link #call(Object)} calls the bean itself for inputs of the declared type. */
	boolean callsDirectly() {
		return this.direct != null;
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
		return this.inputClass;
	}

	public boolean isSupplier() {
		return this.function.isSupplier();
	}

	public boolean isConsumer() {
		return this.function.isConsumer();
	}

	/** Calls the function with an already decoded input ({@code null} for a supplier). */
	@SuppressWarnings("unchecked")
	public Object call(Object input) {
		if (this.direct != null && this.inputClass.isInstance(input)) {
			if (this.direct instanceof Function<?, ?> target) {
				return ((Function<Object, Object>) target).apply(input);
			}
			((Consumer<Object>) this.direct).accept(input);
			return null;
		}
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
