package dev.funcboot.trigger.stream;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.StreamTriggerProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.binding.StreamOptions;
import dev.funcboot.functions.binding.StreamTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/**
 * Reads one broker's trigger annotation and {@code funcboot.functions.<name>.<broker>.*}
 * (properties first) over the defaults of {@code funcboot.stream.*}.
 */
final class StreamTriggerBindingResolver implements TriggerBindingResolver {

	private final StreamTriggerKind kind;

	private final Supplier<StreamOptions> defaults;

	StreamTriggerBindingResolver(StreamTriggerKind kind, Supplier<StreamOptions> defaults) {
		this.kind = kind;
		this.defaults = defaults;
	}

	@Override
	public Class<? extends Annotation> annotationType() {
		return this.kind.trigger;
	}

	@Override
	public boolean supportsOutputs() {
		return true;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		StreamTriggerProperties props = (properties != null) ? this.kind.triggerProperties.apply(properties) : null;
		if (annotation == null && props == null) {
			return null;
		}
		String at = "@" + this.kind.trigger.getSimpleName();
		String destination = null;
		String group = null;
		String binder = null;
		String routingKey = null;
		if (annotation != null) {
			StreamTriggerKind.Declared declared;
			try {
				declared = this.kind.declared(annotation);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
			}
			destination = values.resolve(name, at, declared.destination());
			group = values.resolve(name, at + ".group", declared.group());
			binder = values.resolve(name, at + ".binder", declared.binder());
			routingKey = values.resolve(name, at + ".routingKey", declared.routingKey());
		}
		StreamOptions options = this.defaults.get();
		String prefix = "funcboot.functions." + name + "." + this.kind.propertyKey;
		if (props != null) {
			destination = or(props.getDestination(), destination);
			group = or(props.getGroup(), group);
			binder = or(props.getBinder(), binder);
			routingKey = or(props.getRoutingKey(), routingKey);
			try {
				options = new StreamOptions(or(props.getBatchSize(), options.batchSize()),
						or(props.getMaxDeliveryCount(), options.maxDeliveryCount()),
						or(props.getRetryDelay(), options.retryDelay()), props.getDeadLetter());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(prefix + " is invalid: " + ex.getMessage(), ex);
			}
		}
		if (destination == null || destination.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has no " + this.kind.type + " destination; set "
					+ prefix + ".destination or annotate it with " + at);
		}
		return new StreamTriggerBinding(this.kind.type, destination.trim(), defaultGroup(name, group),
				blank(binder) ? this.kind.defaultBinder : binder.trim(),
				(this.kind == StreamTriggerKind.RABBIT) ? (blank(routingKey) ? "#" : routingKey.trim()) : null, options);
	}

	private String defaultGroup(String name, String group) {
		if (!blank(group)) {
			return group.trim();
		}
		return switch (this.kind) {
			case EVENT_HUB -> "$Default";
			// a Service Bus function without subscription reads a queue
			case SERVICE_BUS -> "";
			default -> name;
		};
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static <T> T or(T value, T fallback) {
		if (value instanceof String text && text.isBlank()) {
			return fallback;
		}
		return (value != null) ? value : fallback;
	}

}
