package dev.funcboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import dev.funcboot.functions.binding.FunctionBinding;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;

/**
 * Resolves every binding's function in Spring Cloud Function's catalog once, and fails the
 * start-up with the list of known functions when a binding names one that does not exist.
 */
public final class FunctionHandles implements SmartInitializingSingleton {

	private final FunctionBindingRegistry registry;

	private final FunctionCatalog catalog;

	private final Map<String, FunctionHandle> handles = new ConcurrentHashMap<>();

	public FunctionHandles(FunctionBindingRegistry registry, FunctionCatalog catalog) {
		this.registry = registry;
		this.catalog = catalog;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> missing = new ArrayList<>();
		for (FunctionBinding binding : this.registry.all()) {
			try {
				get(binding.name());
			}
			catch (IllegalStateException ex) {
				missing.add(ex.getMessage());
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException(String.join("\n", missing));
		}
	}

	/** The handle of a binding; resolved on first use and cached. */
	public FunctionHandle get(String bindingName) {
		FunctionHandle handle = this.handles.get(bindingName);
		if (handle != null) {
			return handle;
		}
		FunctionBinding binding = this.registry.get(bindingName);
		if (binding == null) {
			throw new IllegalArgumentException("No function binding named '" + bindingName + "'");
		}
		return this.handles.computeIfAbsent(bindingName, (name) -> resolve(binding));
	}

	private FunctionHandle resolve(FunctionBinding binding) {
		FunctionInvocationWrapper function = this.catalog.lookup(binding.definition());
		if (function == null) {
			Object known = new TreeSet<>(this.catalog.getNames(null));
			throw new IllegalStateException("Function binding '" + binding.name() + "' refers to function '"
					+ binding.definition() + "', which is not a Function, Consumer or Supplier bean. Known functions: "
					+ known + ". Fix funcboot.functions." + binding.name() + ".definition or the bean name.");
		}
		return new FunctionHandle(binding, function);
	}

}
