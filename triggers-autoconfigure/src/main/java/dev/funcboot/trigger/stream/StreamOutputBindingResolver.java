package dev.funcboot.trigger.stream;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.OutputBindingResolver;
import dev.funcboot.autoconfigure.StreamOutputProperties;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.StreamOutputBinding;

/** Reads one broker's output annotation and {@code funcboot.functions.<name>.<broker>-output.*}, properties first. */
final class StreamOutputBindingResolver implements OutputBindingResolver {

	private final StreamTriggerKind kind;

	StreamOutputBindingResolver(StreamTriggerKind kind) {
		this.kind = kind;
	}

	@Override
	public Class<? extends Annotation> annotationType() {
		return this.kind.output;
	}

	@Override
	public OutputBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		StreamOutputProperties props = (properties != null) ? this.kind.outputProperties.apply(properties) : null;
		if (annotation == null && props == null) {
			return null;
		}
		String at = "@" + this.kind.output.getSimpleName();
		String destination = null;
		String binder = null;
		String routingKey = null;
		String entityType = null;
		if (annotation != null) {
			StreamTriggerKind.Declared declared;
			try {
				declared = this.kind.declaredOutput(annotation);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
			}
			destination = values.resolve(name, at, declared.destination());
			binder = values.resolve(name, at + ".binder", declared.binder());
			routingKey = values.resolve(name, at + ".routingKey", declared.routingKey());
			entityType = declared.group();
		}
		if (props != null) {
			destination = or(props.getDestination(), destination);
			binder = or(props.getBinder(), binder);
			routingKey = or(props.getRoutingKey(), routingKey);
			entityType = or(props.getEntityType(), entityType);
		}
		String prefix = "funcboot.functions." + name + "." + this.kind.propertyKey + "-output";
		if (destination == null || destination.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has a " + this.kind.type
					+ " output without a destination; set " + prefix + ".destination or " + at);
		}
		if (this.kind == StreamTriggerKind.SERVICE_BUS) {
			entityType = (entityType == null) ? StreamOutputBinding.QUEUE : entityType.trim().toLowerCase();
			if (!entityType.equals(StreamOutputBinding.QUEUE) && !entityType.equals(StreamOutputBinding.TOPIC)) {
				throw new IllegalStateException(prefix + ".entity-type must be 'queue' or 'topic', was '" + entityType
						+ "'");
			}
		}
		else {
			entityType = null;
		}
		return new StreamOutputBinding(this.kind.type, destination.trim(),
				(binder == null || binder.isBlank()) ? this.kind.defaultBinder : binder.trim(), routingKey, entityType);
	}

	private static String or(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
