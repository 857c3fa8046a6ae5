package dev.funcboot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.TriggerStatus;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the trigger adapters: DOWN when an adapter that has enabled functions is not
 * running.
 */
public class FuncbootHealthIndicator extends AbstractHealthIndicator {

	private final FunctionBindingRegistry registry;

	private final List<TriggerStatus> triggers;

	public FuncbootHealthIndicator(FunctionBindingRegistry registry, List<TriggerStatus> triggers) {
		super("Funcboot health check failed");
		this.registry = registry;
		this.triggers = triggers;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean up = true;
		Map<String, Object> details = new LinkedHashMap<>();
		for (TriggerStatus status : this.triggers) {
			long functions = this.registry.ofType(status.triggerType())
				.stream()
				.filter((binding) -> binding.enabled())
				.count();
			details.put(status.triggerType(), Map.of("running", status.isRunning(), "functions", functions));
			if (functions > 0 && !status.isRunning()) {
				up = false;
			}
		}
		builder.status(up ? "UP" : "DOWN").withDetail("functions", this.registry.all().size()).withDetails(details);
	}

}
