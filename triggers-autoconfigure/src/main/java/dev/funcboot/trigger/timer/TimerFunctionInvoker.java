package dev.funcboot.trigger.timer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import dev.funcboot.functions.timer.TimerInfo;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs one timer function through the invocation pipeline, with its retry policy. The function
 * is a {@code Consumer<TimerInfo>}, a {@code Function<TimerInfo, ?>} whose result is dropped, or
 * a {@code Supplier<?>} called without input.
 */
final class TimerFunctionInvoker {

	private static final Log logger = LogFactory.getLog(TimerFunctionInvoker.class);

	private final FunctionBinding binding;

	private final FunctionHandle handle;

	private final InvocationPipeline pipeline;

	TimerFunctionInvoker(FunctionHandle handle, InvocationPipeline pipeline) {
		this.binding = handle.binding();
		this.handle = handle;
		this.pipeline = pipeline;
		Class<?> input = handle.inputClass();
		if (!handle.isSupplier() && input != null && !input.isAssignableFrom(TimerInfo.class)) {
			throw new IllegalStateException("Timer function '" + this.binding.name() + "' takes "
					+ handle.inputType().getTypeName() + ", which a timer cannot provide; declare it as a "
					+ "Consumer<TimerInfo>, a Function<TimerInfo, ?> or a Supplier<?>");
		}
	}

	/** Runs the function; failures, retries exhausted included, are logged, never thrown. */
	void invoke(TimerInfo info) {
		String invocationId = InvocationIds.next();
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("scheduledTime", info.scheduledTime());
		metadata.put("isPastDue", info.isPastDue());
		InvocationContext context = InvocationContext.of(invocationId, this.binding.name(), TimerTriggerBinding.TYPE,
				metadata);
		InvocationResult result = this.pipeline.invokeWithRetries(context, this.binding.policy(),
				(ctx) -> this.handle.call(this.handle.isSupplier() ? null : info));
		if (!result.isSuccess()) {
			logger.error("Timer function '" + this.binding.name() + "' failed (invocation " + invocationId
					+ ", occurrence " + info.scheduledTime() + "): " + result.reason(), result.error());
		}
	}

}
