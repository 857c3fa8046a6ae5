package dev.funcboot.trigger.storagequeue;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.OutputBindingResolver;
import dev.funcboot.functions.annotation.QueueOutput;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.trigger.storagequeue.binder.QueueNames;

/** Reads {@link QueueOutput} and {@code funcboot.functions.<name>.queue-output.*}, properties first. */
final class QueueOutputBindingResolver implements OutputBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return QueueOutput.class;
	}

	@Override
	public OutputBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		QueueOutput output = (QueueOutput) annotation;
		FunctionsProperties.QueueOutput props = (properties != null) ? properties.getQueueOutput() : null;
		if (output == null && props == null) {
			return null;
		}
		String queue = (output != null) ? values.resolve(name, "@QueueOutput.queue", output.queue()) : null;
		String connection = (output != null) ? values.resolve(name, "@QueueOutput.connection", output.connection())
				: null;
		if (props != null) {
			queue = (props.getName() != null) ? props.getName() : queue;
			connection = (props.getConnection() != null) ? props.getConnection() : connection;
		}
		if (queue == null || queue.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has a queue output without a queue name; set "
					+ "funcboot.functions." + name + ".queue-output.name or @QueueOutput(queue = \"...\")");
		}
		String problem = QueueNames.problem(queue.trim());
		if (problem != null) {
			throw new IllegalStateException("Function '" + name + "' output: " + problem);
		}
		return new QueueOutputBinding(queue.trim(), QueueTriggerBindingResolver.connectionName(connection));
	}

}
