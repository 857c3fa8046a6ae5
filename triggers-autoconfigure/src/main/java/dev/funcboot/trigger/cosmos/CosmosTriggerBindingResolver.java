package dev.funcboot.trigger.cosmos;

import java.lang.annotation.Annotation;
import java.time.Duration;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.CosmosTriggerProperties;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.CosmosDBTrigger;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/** Reads {@link CosmosDBTrigger} and {@code funcboot.functions.<name>.cosmos.*}, properties first. */
final class CosmosTriggerBindingResolver implements TriggerBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return CosmosDBTrigger.class;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		CosmosDBTrigger trigger = (CosmosDBTrigger) annotation;
		CosmosTriggerProperties props = (properties != null) ? properties.getCosmos() : null;
		if (trigger == null && props == null) {
			return null;
		}
		String database = null;
		String container = null;
		String leases = "leases";
		String connection = "";
		boolean fromBeginning = false;
		int maxItems = 100;
		Duration pollDelay = Duration.ofSeconds(5);
		if (trigger != null) {
			database = values.resolve(name, "@CosmosDBTrigger.database", trigger.database());
			container = values.resolve(name, "@CosmosDBTrigger.container", trigger.container());
			leases = values.resolve(name, "@CosmosDBTrigger.leaseContainer", trigger.leaseContainer());
			connection = values.resolve(name, "@CosmosDBTrigger.connection", trigger.connection());
			fromBeginning = trigger.startFromBeginning();
			maxItems = trigger.maxItemsPerInvocation();
			Duration declared = values.duration(name, "@CosmosDBTrigger.feedPollDelay", trigger.feedPollDelay());
			pollDelay = (declared != null) ? declared : pollDelay;
		}
		if (props != null) {
			database = or(props.getDatabase(), database);
			container = or(props.getContainer(), container);
			leases = or(props.getLeaseContainer(), leases);
			connection = or(props.getConnection(), connection);
			fromBeginning = (props.getStartFromBeginning() != null) ? props.getStartFromBeginning() : fromBeginning;
			maxItems = (props.getMaxItemsPerInvocation() != null) ? props.getMaxItemsPerInvocation() : maxItems;
			pollDelay = (props.getFeedPollDelay() != null) ? props.getFeedPollDelay() : pollDelay;
		}
		String prefix = "funcboot.functions." + name + ".cosmos";
		if (database == null || database.isBlank() || container == null || container.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' needs a Cosmos database and container; set "
					+ prefix + ".database and .container or annotate it with @CosmosDBTrigger");
		}
		try {
			return new CosmosDBTriggerBinding(database.trim(), container.trim(), leases.trim(),
					(connection == null || connection.isBlank()) ? "default" : connection.trim(), fromBeginning,
					maxItems, pollDelay);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private static String or(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
