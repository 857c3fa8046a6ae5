package dev.funcboot.trigger.storagequeue;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.QueueTriggerBinding;
import dev.funcboot.functions.binding.StreamOutputBinding;
import dev.funcboot.functions.binding.TriggerBinding;
import dev.funcboot.trigger.storagequeue.binder.QueueClientProvider;
import dev.funcboot.trigger.storagequeue.binder.QueueNames;

/**
 * Reads {@link QueueTrigger} and {@code funcboot.functions.<name>.queue.*} (properties first) over
 * the defaults of {@code funcboot.queue.*}, and checks the queue name and the options.
 */
final class QueueTriggerBindingResolver implements TriggerBindingResolver {

	private final Supplier<QueueOptions> defaults;

	QueueTriggerBindingResolver(Supplier<QueueOptions> defaults) {
		this.defaults = defaults;
	}

	@Override
	public Class<? extends Annotation> annotationType() {
		return QueueTrigger.class;
	}

	@Override
	public boolean supportsOutputs() {
		return true;
	}

	/** Queue functions send to queues and brokers (a blob output path needs a blob trigger's values). */
	@Override
	public boolean supportsOutput(OutputBinding output) {
		return output instanceof QueueOutputBinding || output instanceof StreamOutputBinding;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		QueueTrigger trigger = (QueueTrigger) annotation;
		FunctionsProperties.Queue queue = (properties != null) ? properties.getQueue() : null;
		if (trigger == null && queue == null) {
			return null;
		}
		String queueName = (trigger != null) ? values.resolve(name, "@QueueTrigger.queue", trigger.queue()) : null;
		String connection = (trigger != null) ? values.resolve(name, "@QueueTrigger.connection", trigger.connection())
				: null;
		QueueOptions base = this.defaults.get();
		QueueOptions options = base;
		if (queue != null) {
			queueName = (queue.getName() != null) ? queue.getName() : queueName;
			connection = (queue.getConnection() != null) ? queue.getConnection() : connection;
			options = override(name, base, queue);
		}
		if (queueName == null || queueName.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has no queue name; set funcboot.functions." + name
					+ ".queue.name or annotate it with @QueueTrigger(queue = \"orders\")");
		}
		String problem = QueueNames.problemWithConsumerQueue(queueName.trim());
		if (problem != null) {
			throw new IllegalStateException("Function '" + name + "': " + problem);
		}
		return new QueueTriggerBinding(queueName.trim(), connectionName(connection), options);
	}

	static String connectionName(String connection) {
		return (connection == null || connection.isBlank()) ? QueueClientProvider.DEFAULT_CONNECTION
				: connection.trim();
	}

	private static QueueOptions override(String name, QueueOptions base, FunctionsProperties.Queue queue) {
		try {
			return new QueueOptions(or(queue.getBatchSize(), base.batchSize()),
					or(queue.getMaxDequeueCount(), base.maxDequeueCount()),
					or(queue.getVisibilityTimeout(), base.visibilityTimeout()), or(queue.getLease(), base.lease()),
					or(queue.getMinPollingInterval(), base.minPollingInterval()),
					or(queue.getMaxPollingInterval(), base.maxPollingInterval()),
					or(queue.getMessageEncoding(), base.messageEncoding()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("funcboot.functions." + name + ".queue is invalid: " + ex.getMessage(), ex);
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
