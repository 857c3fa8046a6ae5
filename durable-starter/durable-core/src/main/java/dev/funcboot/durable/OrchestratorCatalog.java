package dev.funcboot.durable;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The orchestrators an application knows, by name. */
public interface OrchestratorCatalog {

	/** The registration of that name, or {@code null}. */
	OrchestratorRegistration find(String name);

	/** Every registered name. */
	Set<String> names();

	static OrchestratorCatalog of(Collection<OrchestratorRegistration> registrations) {
		Map<String, OrchestratorRegistration> map = new LinkedHashMap<>();
		for (OrchestratorRegistration registration : registrations) {
			if (map.put(registration.name(), registration) != null) {
				throw new IllegalArgumentException("Two orchestrators are named '" + registration.name() + "'");
			}
		}
		return new OrchestratorCatalog() {

			@Override
			public OrchestratorRegistration find(String name) {
				return map.get(name);
			}

			@Override
			public Set<String> names() {
				return map.keySet();
			}

		};
	}

}
