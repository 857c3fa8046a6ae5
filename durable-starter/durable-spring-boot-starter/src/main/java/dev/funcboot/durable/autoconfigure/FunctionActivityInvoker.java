package dev.funcboot.durable.autoconfigure;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeSet;

import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.runtime.ActivityInvoker;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * Activities are ordinary function beans, called by name through Spring Cloud Function's
 * catalog and the invocation pipeline (trigger {@code activity}: metrics, MDC, timeout).
 */
final class FunctionActivityInvoker implements ActivityInvoker {

	static final String TRIGGER = "activity";

	private final FunctionCatalog catalog;

	private final DataConverter converter;

	private final InvocationPipeline pipeline;

	private final FunctionPolicy policy;

	FunctionActivityInvoker(FunctionCatalog catalog, DataConverter converter, InvocationPipeline pipeline,
			FunctionPolicy policy) {
		this.catalog = catalog;
		this.converter = converter;
		this.pipeline = pipeline;
		this.policy = policy;
	}

	@Override
	public String invoke(String name, String input) throws Exception {
		FunctionInvocationWrapper function = this.catalog.lookup(name);
		if (function == null) {
			throw new IllegalArgumentException("No activity named '" + name + "': activities are function beans; known"
					+ " functions: " + new TreeSet<>(this.catalog.getNames(null)));
		}
		InvocationContext context = InvocationContext.of(InvocationIds.next(), name, TRIGGER, Map.of());
		InvocationResult result = this.pipeline.invoke(context, this.policy, (ctx) -> {
			if (function.isSupplier()) {
				return function.get();
			}
			Type inputType = function.getInputType();
			Object decoded = this.converter.deserialize(input, inputType);
			return function.apply(decoded);
		});
		if (!result.isSuccess()) {
			Throwable error = result.error();
			if (error instanceof Exception exception) {
				throw exception;
			}
			throw new IllegalStateException(result.reason(), error);
		}
		Object value = result.value();
		if (value instanceof org.springframework.messaging.Message<?> message) {
			value = message.getPayload();
		}
		return this.converter.serialize(value);
	}

}
