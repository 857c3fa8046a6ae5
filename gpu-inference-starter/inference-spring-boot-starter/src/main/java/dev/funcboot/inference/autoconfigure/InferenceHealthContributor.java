package dev.funcboot.inference.autoconfigure;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.funcboot.inference.InferenceModel;
import dev.funcboot.inference.ModelRegistry;
import dev.funcboot.inference.ModelSpec;
import dev.funcboot.inference.ModelState;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

/**
 * Health of each model under {@code inference}: READY is UP, LOADING is OUT_OF_SERVICE (not ready
 * for traffic yet), FAILED is DOWN with the reason; the details say the device it runs on.
 */
final class InferenceHealthContributor implements CompositeHealthContributor {

	private final ModelRegistry registry;

	InferenceHealthContributor(ModelRegistry registry) {
		this.registry = registry;
	}

	@Override
	public HealthContributor getContributor(String name) {
		InferenceModel model = this.registry.get(name);
		return (model != null) ? indicator(model) : null;
	}

	@Override
	public Iterator<NamedContributor<HealthContributor>> iterator() {
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		this.registry.models().forEach((model) -> contributors.put(model.name(), indicator(model)));
		return contributors.entrySet()
			.stream()
			.map((entry) -> NamedContributor.of(entry.getKey(), entry.getValue()))
			.iterator();
	}

	private static HealthIndicator indicator(InferenceModel model) {
		return () -> health(model);
	}

	static Health health(InferenceModel model) {
		ModelState state = model.state();
		ModelSpec spec = model.spec();
		Health.Builder builder = switch (state.status()) {
			case READY -> Health.up();
			case LOADING -> Health.outOfService();
			default -> Health.down();
		};
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state.status().name());
		details.put("engine", state.engine());
		details.put("device", (state.device() != null) ? state.device() : "not chosen yet (asked for " + spec.device() + ")");
		// a Blob URL may carry a SAS token: never show it
		details.put("location", spec.location().replaceFirst("\\?.*$", "?<redacted>"));
		details.put("workers", spec.workers());
		details.put("batchSize", spec.batchSize());
		details.put("maxBatchDelay", spec.maxBatchDelay().toString());
		details.put("queueDepth", model.queueDepth());
		details.put("queueSize", spec.queueSize());
		if (state.reason() != null) {
			details.put("reason", state.reason());
		}
		return builder.withDetails(details).build();
	}

}
