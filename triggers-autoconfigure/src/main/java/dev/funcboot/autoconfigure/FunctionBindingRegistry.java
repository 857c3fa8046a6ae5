package dev.funcboot.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.binding.FunctionBinding;

/** Every function binding of the application, by name; immutable after start-up. */
public final class FunctionBindingRegistry {

	private final Map<String, FunctionBinding> bindings;

	public FunctionBindingRegistry(Collection<FunctionBinding> bindings) {
		Map<String, FunctionBinding> map = new LinkedHashMap<>();
		for (FunctionBinding binding : bindings) {
			map.put(binding.name(), binding);
		}
		this.bindings = Collections.unmodifiableMap(map);
	}

	public Collection<FunctionBinding> all() {
		return this.bindings.values();
	}

	/** The binding of that name, or {@code null}. */
	public FunctionBinding get(String name) {
		return this.bindings.get(name);
	}

	/** Bindings of one trigger type ({@code http}, {@code timer}, ...), enabled or not. */
	public List<FunctionBinding> ofType(String type) {
		List<FunctionBinding> result = new ArrayList<>();
		for (FunctionBinding binding : this.bindings.values()) {
			if (binding.trigger().type().equals(type)) {
				result.add(binding);
			}
		}
		return result;
	}

}
