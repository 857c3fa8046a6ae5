package dev.funcboot.functions.binding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A function triggered by a Dapr input binding.
 *
 * @param name the binding component's name
 * @param route the path the sidecar calls, starting with {@code /}
 */
public record DaprBindingTriggerBinding(String name, String route) implements TriggerBinding {

	public static final String TYPE = "dapr-binding";

	public DaprBindingTriggerBinding {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(route, "route");
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("binding", this.name);
		map.put("route", this.route);
		return map;
	}

}
