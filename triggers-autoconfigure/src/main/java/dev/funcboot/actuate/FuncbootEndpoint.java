package dev.funcboot.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.FunctionStatistics;
import dev.funcboot.functions.pipeline.InvocationOutcome;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * {@code /actuator/funcboot}: every function with its trigger, route or schedule, outputs,
 * policy, invocation counts by outcome and last error; and pausing and resuming a broker
 * function's intake.
 */
@Endpoint(id = "funcboot")
public class FuncbootEndpoint {

	private final FunctionBindingRegistry registry;

	private final FunctionStatistics statistics;

	private final List<TriggerStatus> triggers;

	public FuncbootEndpoint(FunctionBindingRegistry registry, FunctionStatistics statistics,
			List<TriggerStatus> triggers) {
		this.registry = registry;
		this.statistics = statistics;
		this.triggers = triggers;
	}

	@ReadOperation
	public Map<String, Object> functions() {
		List<Map<String, Object>> functions = new ArrayList<>();
		for (FunctionBinding binding : this.registry.all()) {
			functions.add(describe(binding));
		}
		Map<String, Object> triggers = new LinkedHashMap<>();
		for (TriggerStatus status : this.triggers) {
			triggers.put(status.triggerType(), Map.of("running", status.isRunning()));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("functions", functions);
		result.put("triggers", triggers);
		return result;
	}

	@ReadOperation
	public Map<String, Object> function(@Selector String name) {
		FunctionBinding binding = this.registry.get(name);
		return (binding != null) ? describe(binding) : null;
	}

	/**
	 * {@code POST /actuator/funcboot/{name}} with {@code {"state": "paused"}} or
	 * {@code "resumed"}: stops or restarts a function's intake where its trigger can (brokers);
	 * answers the function as {@link #function} does; 400 for an unknown function, another state
	 * or a trigger that cannot pause.
	 */
	@WriteOperation
	public Map<String, Object> changeState(@Selector String name, @Nullable String state) {
		FunctionBinding binding = this.registry.get(name);
		if (binding == null) {
			throw new InvalidEndpointRequestException("no function '" + name + "'", "no such function");
		}
		if (state == null) {
			throw new InvalidEndpointRequestException(
					"the body must name a state: {\"state\": \"paused\"} or {\"state\": \"resumed\"}", "no state");
		}
		boolean pause = "paused".equalsIgnoreCase(state);
		if (!pause && !"resumed".equalsIgnoreCase(state)) {
			throw new InvalidEndpointRequestException("state must be 'paused' or 'resumed', was '" + state + "'",
					"state must be 'paused' or 'resumed'");
		}
		String type = binding.trigger().type();
		boolean done = this.triggers.stream()
			.filter((status) -> status.triggerType().equals(type))
			.anyMatch((status) -> pause ? status.pause(name) : status.resume(name));
		if (!done) {
			throw new InvalidEndpointRequestException("function '" + name + "' (" + type + " trigger) cannot be paused",
					"this function's trigger cannot be paused");
		}
		return describe(binding);
	}

	private Map<String, Object> describe(FunctionBinding binding) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("name", binding.name());
		map.put("definition", binding.definition());
		map.put("enabled", binding.enabled());
		Map<String, Object> trigger = new LinkedHashMap<>();
		trigger.put("type", binding.trigger().type());
		trigger.putAll(binding.trigger().describe());
		for (TriggerStatus status : this.triggers) {
			if (status.triggerType().equals(binding.trigger().type())) {
				trigger.putAll(status.details(binding.name()));
			}
		}
		map.put("trigger", trigger);
		List<Map<String, Object>> outputs = new ArrayList<>();
		for (OutputBinding output : binding.outputs()) {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("type", output.type());
			described.putAll(output.describe());
			outputs.add(described);
		}
		map.put("outputs", outputs);
		map.put("policy", policy(binding.policy()));
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Map.Entry<InvocationOutcome, Long> entry : this.statistics.counts(binding.name()).entrySet()) {
			counts.put(entry.getKey().tag(), entry.getValue());
		}
		map.put("invocations", counts);
		FunctionStatistics.LastError lastError = this.statistics.lastError(binding.name());
		map.put("lastError", lastError);
		return map;
	}

	private static Map<String, Object> policy(FunctionPolicy policy) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("timeout", (policy.timeout() != null) ? policy.timeout().toString() : null);
		map.put("maxConcurrency", policy.maxConcurrency());
		Map<String, Object> retry = new LinkedHashMap<>();
		retry.put("strategy", policy.retry().strategy());
		retry.put("maxAttempts", policy.retry().maxAttempts());
		retry.put("delay", policy.retry().delay().toString());
		retry.put("maxDelay", policy.retry().maxDelay().toString());
		map.put("retry", retry);
		return map;
	}

}
