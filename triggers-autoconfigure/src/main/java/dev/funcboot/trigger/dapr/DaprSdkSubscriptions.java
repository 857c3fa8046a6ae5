package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.springboot.DaprController;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The subscriptions of {@code @Topic} controllers, as the Dapr SDK's own controller would announce
 * them, with its {@code pubsubName} spelled {@code pubsubname} as in Dapr's API reference (the
 * sidecar reads either).
 */
final class DaprSdkSubscriptions implements Supplier<List<Map<String, Object>>> {

	private final ObjectProvider<DaprController> controller;

	private final ObjectMapper mapper;

	DaprSdkSubscriptions(ObjectProvider<DaprController> controller, ObjectMapper mapper) {
		this.controller = controller;
		this.mapper = mapper;
	}

	private static Map<String, Object> normalized(Map<String, Object> subscription) {
		Map<String, Object> result = new LinkedHashMap<>();
		subscription.forEach((key, value) -> result.put("pubsubName".equals(key) ? "pubsubname" : key, value));
		return result;
	}

	@Override
	public List<Map<String, Object>> get() {
		DaprController sdk = this.controller.getIfAvailable();
		if (sdk == null) {
			return List.of();
		}
		try {
			List<Map<String, Object>> subscriptions = this.mapper.readValue(sdk.daprSubscribe(),
					new TypeReference<List<Map<String, Object>>>() {
					});
			return subscriptions.stream().map(DaprSdkSubscriptions::normalized).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the Dapr SDK's @Topic subscriptions: " + ex.getMessage(), ex);
		}
	}

}
