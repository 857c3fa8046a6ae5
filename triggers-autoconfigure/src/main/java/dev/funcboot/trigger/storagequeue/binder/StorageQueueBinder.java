package dev.funcboot.trigger.storagequeue.binder;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import com.azure.storage.queue.QueueClient;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderSpecificPropertiesProvider;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binder.DefaultBinding;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.ExtendedProducerProperties;
import org.springframework.cloud.stream.binder.ExtendedPropertiesBinder;
import org.springframework.context.Lifecycle;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;

/**
 * The {@code storagequeue} Spring Cloud Stream binder: a destination is an Azure Storage queue.
 *
 * <p>It implements {@link Binder} directly rather than extending
 * {@code AbstractMessageChannelBinder}: that base class retries in memory (a {@code RetryTemplate})
 * and recovers through error channels, while a Storage queue retries on the broker (a failed
 * message becomes visible again, its dequeue count grows) and dead-letters to a poison queue,
 * which survives restarts. Consumers deliver {@code byte[]} payloads with
 * {@link StorageQueueHeaders} and settle as {@link StorageQueueAcknowledgment} describes;
 * producers send {@code byte[]} or {@code String} payloads.
 */
public class StorageQueueBinder implements
		// Binder is named although ExtendedPropertiesBinder extends it: Spring Cloud Stream reads the
		// binding target type (MessageChannel) from the directly implemented Binder interface only
		Binder<MessageChannel, ExtendedConsumerProperties<StorageQueueConsumerProperties>, ExtendedProducerProperties<StorageQueueProducerProperties>>,
		ExtendedPropertiesBinder<MessageChannel, StorageQueueConsumerProperties, StorageQueueProducerProperties>,
		DisposableBean {

	/** The binder type, as registered in {@code META-INF/spring.binders}. */
	public static final String TYPE = "storagequeue";

	private final QueueClientProvider clients;

	private final StorageQueueExtendedBindingProperties extendedProperties;

	private final Clock clock;

	private final ScheduledExecutorService leases;

	private final Map<String, SettlementCounts> counts = new ConcurrentHashMap<>();

	public StorageQueueBinder(QueueClientProvider clients, StorageQueueExtendedBindingProperties extendedProperties,
			Clock clock) {
		this.clients = clients;
		this.extendedProperties = extendedProperties;
		this.clock = clock;
		ScheduledThreadPoolExecutor leases = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "storagequeue-leases");
			thread.setDaemon(true);
			return thread;
		});
		leases.setRemoveOnCancelPolicy(true);
		this.leases = leases;
	}

	@Override
	public Binding<MessageChannel> bindConsumer(String queueName, String group, MessageChannel inputChannel,
			ExtendedConsumerProperties<StorageQueueConsumerProperties> properties) {
		StorageQueueConsumerProperties consumer = properties.getExtension();
		String problem = QueueNames.problemWithConsumerQueue(queueName);
		if (problem != null) {
			throw new IllegalArgumentException("Cannot bind '" + properties.getBindingName() + "': " + problem);
		}
		consumer.validate();
		QueueClient queue = this.clients.queue(consumer.getConnection(), queueName);
		QueueClient poisonQueue = this.clients.queue(consumer.getConnection(), QueueNames.poisonQueue(queueName));
		SettlementCounts settlementCounts = this.counts.computeIfAbsent(queueName + '/' + group,
				(key) -> new SettlementCounts());
		PoisonQueueRouter poison = new PoisonQueueRouter(poisonQueue, consumer.getMessageEncoding(), this.clock);
		MessageDispatcher dispatcher = new MessageDispatcher(inputChannel, consumer, poison, settlementCounts,
				(group != null) ? group : properties.getBindingName(), this.leases);
		QueuePoller poller = new QueuePoller(queue, consumer, properties.getConcurrency(), properties.isBatchMode(),
				dispatcher);
		StorageQueueConsumerBinding binding = new StorageQueueConsumerBinding(queueName, group, inputChannel, poller,
				settlementCounts);
		if (properties.isAutoStartup()) {
			binding.start();
		}
		return binding;
	}

	@Override
	public Binding<MessageChannel> bindProducer(String queueName, MessageChannel outputChannel,
			ExtendedProducerProperties<StorageQueueProducerProperties> properties) {
		String problem = QueueNames.problem(queueName);
		if (problem != null) {
			throw new IllegalArgumentException("Cannot bind '" + properties.getBindingName() + "': " + problem);
		}
		if (!(outputChannel instanceof SubscribableChannel channel)) {
			throw new IllegalArgumentException("The storagequeue binder needs a SubscribableChannel to send from, not "
					+ outputChannel.getClass().getName());
		}
		StorageQueueProducerProperties producer = properties.getExtension();
		QueueMessageSender sender = new QueueMessageSender(this.clients.queue(producer.getConnection(), queueName),
				producer);
		channel.subscribe(sender);
		return new DefaultBinding<>(queueName, outputChannel, new Lifecycle() {

			private volatile boolean running = true;

			@Override
			public void start() {
				this.running = channel.subscribe(sender) || this.running;
			}

			@Override
			public void stop() {
				channel.unsubscribe(sender);
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}

		});
	}

	/** Settlement counts of a queue and consumer group, or {@code null} before it was first bound. */
	public SettlementCounts counts(String queueName, String group) {
		return this.counts.get(queueName + '/' + group);
	}

	@Override
	public StorageQueueConsumerProperties getExtendedConsumerProperties(String channelName) {
		return this.extendedProperties.getExtendedConsumerProperties(channelName);
	}

	@Override
	public StorageQueueProducerProperties getExtendedProducerProperties(String channelName) {
		return this.extendedProperties.getExtendedProducerProperties(channelName);
	}

	@Override
	public String getDefaultsPrefix() {
		return this.extendedProperties.getDefaultsPrefix();
	}

	@Override
	public Class<? extends BinderSpecificPropertiesProvider> getExtendedPropertiesEntryClass() {
		return this.extendedProperties.getExtendedPropertiesEntryClass();
	}

	@Override
	public void destroy() {
		this.leases.shutdownNow();
	}

}
