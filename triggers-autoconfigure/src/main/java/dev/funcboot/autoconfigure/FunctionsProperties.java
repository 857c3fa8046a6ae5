package dev.funcboot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.binding.QueueOptions;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Function bindings and pipeline defaults. A binding declared here needs no annotation; values
 * here override those of a trigger annotation.
 */
@ConfigurationProperties("funcboot")
public class FunctionsProperties {

	/** Pipeline behaviour of every function that does not say otherwise. */
	private final Defaults defaults = new Defaults();

	/** Function bindings and per-function overrides, by binding name (the bean name for annotated beans). */
	private Map<String, Function> functions = new LinkedHashMap<>();

	public Defaults getDefaults() {
		return this.defaults;
	}

	public Map<String, Function> getFunctions() {
		return this.functions;
	}

	public void setFunctions(Map<String, Function> functions) {
		this.functions = functions;
	}

	public static class Defaults {

		/** How long one attempt of a function may run before it is interrupted. */
		private Duration timeout = FunctionPolicy.DEFAULT_TIMEOUT;

		/** Maximum concurrent invocations per function; 0 means unlimited. */
		private int maxConcurrency = FunctionPolicy.DEFAULT_MAX_CONCURRENCY;

		/** Retry policy of functions that declare none. */
		private final Retry retry = new Retry();

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	public static class Function {

		/**
		 * Function definition looked up in Spring Cloud Function's catalog; defaults to the
		 * binding name. May compose functions, e.g. 'validate|enrich'.
		 */
		private String definition;

		/** Whether the binding's trigger is active. */
		private Boolean enabled;

		/** How long one attempt may run; overrides the annotation and the default. */
		private Duration timeout;

		/** Maximum concurrent invocations; 0 means unlimited. */
		private Integer maxConcurrency;

		/** Retry policy of this function. */
		private Retry retry;

		/** HTTP trigger settings. */
		private Http http;

		/** Timer trigger settings. */
		private Timer timer;

		/** Storage queue trigger settings. */
		private Queue queue;

		/** Storage queue output: where the function's results are sent. */
		private QueueOutput queueOutput;

		/** Dapr pub/sub topic trigger settings. */
		private DaprTopic dapr;

		/** Dapr input binding trigger settings. */
		private DaprBinding daprBinding;

		/** Dapr pub/sub output: where the function's results are published. */
		private DaprPublish daprPublish;
		/** Kafka trigger settings. */
		@NestedConfigurationProperty
		private StreamTriggerProperties kafka;

		/** RabbitMQ trigger settings. */
		@NestedConfigurationProperty
		private StreamTriggerProperties rabbit;

		/** Event Hubs trigger settings. */
		@NestedConfigurationProperty
		private StreamTriggerProperties eventHub;

		/** Service Bus trigger settings (destination: the queue or topic; group: the subscription). */
		@NestedConfigurationProperty
		private StreamTriggerProperties serviceBus;

		/** Cosmos DB change feed trigger settings. */
		@NestedConfigurationProperty
		private CosmosTriggerProperties cosmos;

		/** Kafka output: the topic the function's results are sent to. */
		@NestedConfigurationProperty
		private StreamOutputProperties kafkaOutput;

		/** RabbitMQ output: the exchange the function's results are published to. */
		@NestedConfigurationProperty
		private StreamOutputProperties rabbitOutput;

		/** Event Hubs output: the event hub the function's results are sent to. */
		@NestedConfigurationProperty
		private StreamOutputProperties eventHubOutput;

		/** Service Bus output: the queue or topic the function's results are sent to. */
		@NestedConfigurationProperty
		private StreamOutputProperties serviceBusOutput;
		/** Blob trigger settings. */
		private Blob blob;

		/** Blob output: the blob the function's result is written to. */
		private BlobOutput blobOutput;

		public String getDefinition() {
			return this.definition;
		}

		public void setDefinition(String definition) {
			this.definition = definition;
		}

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Integer getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public void setRetry(Retry retry) {
			this.retry = retry;
		}

		public Http getHttp() {
			return this.http;
		}

		public void setHttp(Http http) {
			this.http = http;
		}

		public Timer getTimer() {
			return this.timer;
		}

		public void setTimer(Timer timer) {
			this.timer = timer;
		}

		public Queue getQueue() {
			return this.queue;
		}

		public void setQueue(Queue queue) {
			this.queue = queue;
		}

		public QueueOutput getQueueOutput() {
			return this.queueOutput;
		}

		public void setQueueOutput(QueueOutput queueOutput) {
			this.queueOutput = queueOutput;
		}

		public DaprTopic getDapr() {
			return this.dapr;
		}

		public void setDapr(DaprTopic dapr) {
			this.dapr = dapr;
		}

		public DaprBinding getDaprBinding() {
			return this.daprBinding;
		}

		public void setDaprBinding(DaprBinding daprBinding) {
			this.daprBinding = daprBinding;
		}

		public DaprPublish getDaprPublish() {
			return this.daprPublish;
		}

		public void setDaprPublish(DaprPublish daprPublish) {
			this.daprPublish = daprPublish;
		}

		public StreamTriggerProperties getKafka() {
			return this.kafka;
		}

		public void setKafka(StreamTriggerProperties kafka) {
			this.kafka = kafka;
		}

		public StreamTriggerProperties getRabbit() {
			return this.rabbit;
		}

		public void setRabbit(StreamTriggerProperties rabbit) {
			this.rabbit = rabbit;
		}

		public StreamTriggerProperties getEventHub() {
			return this.eventHub;
		}

		public void setEventHub(StreamTriggerProperties eventHub) {
			this.eventHub = eventHub;
		}

		public StreamTriggerProperties getServiceBus() {
			return this.serviceBus;
		}

		public void setServiceBus(StreamTriggerProperties serviceBus) {
			this.serviceBus = serviceBus;
		}

		public CosmosTriggerProperties getCosmos() {
			return this.cosmos;
		}

		public void setCosmos(CosmosTriggerProperties cosmos) {
			this.cosmos = cosmos;
		}

		public StreamOutputProperties getKafkaOutput() {
			return this.kafkaOutput;
		}

		public void setKafkaOutput(StreamOutputProperties kafkaOutput) {
			this.kafkaOutput = kafkaOutput;
		}

		public StreamOutputProperties getRabbitOutput() {
			return this.rabbitOutput;
		}

		public void setRabbitOutput(StreamOutputProperties rabbitOutput) {
			this.rabbitOutput = rabbitOutput;
		}

		public StreamOutputProperties getEventHubOutput() {
			return this.eventHubOutput;
		}

		public void setEventHubOutput(StreamOutputProperties eventHubOutput) {
			this.eventHubOutput = eventHubOutput;
		}

		public StreamOutputProperties getServiceBusOutput() {
			return this.serviceBusOutput;
		}

		public void setServiceBusOutput(StreamOutputProperties serviceBusOutput) {
			this.serviceBusOutput = serviceBusOutput;
		}

		public Blob getBlob() {
			return this.blob;
		}

		public void setBlob(Blob blob) {
			this.blob = blob;
		}

		public BlobOutput getBlobOutput() {
			return this.blobOutput;
		}

		public void setBlobOutput(BlobOutput blobOutput) {
			this.blobOutput = blobOutput;
		}

	}

	public static class Retry {

		/** Retry strategy: none, fixed-delay or exponential-backoff. */
		private RetryPolicy.Strategy strategy;

		/** Total attempts, the first one included. */
		private Integer maxAttempts;

		/** Fixed delay, or the first interval of the exponential backoff. */
		private Duration delay;

		/** Upper bound of exponential delays. */
		private Duration maxDelay;

		/** Factor between successive exponential delays. */
		private Double multiplier;

		public RetryPolicy.Strategy getStrategy() {
			return this.strategy;
		}

		public void setStrategy(RetryPolicy.Strategy strategy) {
			this.strategy = strategy;
		}

		public Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(Double multiplier) {
			this.multiplier = multiplier;
		}

	}

	public static class Http {

		/** Route template below the route prefix, e.g. 'orders/{id:int}'. */
		private String route;

		/** Accepted HTTP methods; all when empty. */
		private List<HttpMethod> methods;

		/** Which key callers must present. */
		private AuthLevel authLevel;

		public String getRoute() {
			return this.route;
		}

		public void setRoute(String route) {
			this.route = route;
		}

		public List<HttpMethod> getMethods() {
			return this.methods;
		}

		public void setMethods(List<HttpMethod> methods) {
			this.methods = methods;
		}

		public AuthLevel getAuthLevel() {
			return this.authLevel;
		}

		public void setAuthLevel(AuthLevel authLevel) {
			this.authLevel = authLevel;
		}

	}

	public static class Timer {

		/** Six-field NCRONTAB expression (seconds first) or 'hh:mm:ss' interval. */
		private String schedule;

		/** Time zone of the schedule, e.g. 'Europe/Berlin'. */
		private String timeZone;

		/** Whether to run once when the application is ready. */
		private Boolean runOnStartup;

		/** Whether an occurrence missed while the application was down fires once on start. */
		private Boolean useMonitor;

		public String getSchedule() {
			return this.schedule;
		}

		public void setSchedule(String schedule) {
			this.schedule = schedule;
		}

		public String getTimeZone() {
			return this.timeZone;
		}

		public void setTimeZone(String timeZone) {
			this.timeZone = timeZone;
		}

		public Boolean getRunOnStartup() {
			return this.runOnStartup;
		}

		public void setRunOnStartup(Boolean runOnStartup) {
			this.runOnStartup = runOnStartup;
		}

		public Boolean getUseMonitor() {
			return this.useMonitor;
		}

		public void setUseMonitor(Boolean useMonitor) {
			this.useMonitor = useMonitor;
		}

	}

	public static class Queue {

		/** Name of the queue the function listens to. */
		private String name;

		/**
		 * Storage connection: a name under funcboot.storage.connections, or a property holding a
		 * connection string. Defaults to 'default'.
		 */
		private String connection;

		/** How many messages one poll fetches, 1 to 32; overrides funcboot.queue.batch-size. */
		private Integer batchSize;

		/**
		 * How many times a message is tried before it goes to the poison queue, when the function
		 * declares no retry policy; overrides funcboot.queue.max-dequeue-count.
		 */
		private Integer maxDequeueCount;

		/**
		 * How long a failed message stays invisible before it is tried again, when the function
		 * declares no retry policy; overrides funcboot.queue.visibility-timeout.
		 */
		private Duration visibilityTimeout;

		/** How long a received message stays invisible to other consumers; renewed while it is processed. */
		private Duration lease;

		/** First wait after an empty poll; overrides funcboot.queue.min-polling-interval. */
		private Duration minPollingInterval;

		/** Longest wait between polls of an idle queue; overrides funcboot.queue.max-polling-interval. */
		private Duration maxPollingInterval;

		/** How message text maps to bytes: base64 or none; overrides funcboot.queue.message-encoding. */
		private QueueOptions.MessageEncoding messageEncoding;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getConnection() {
			return this.connection;
		}

		public void setConnection(String connection) {
			this.connection = connection;
		}

		public Integer getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(Integer batchSize) {
			this.batchSize = batchSize;
		}

		public Integer getMaxDequeueCount() {
			return this.maxDequeueCount;
		}

		public void setMaxDequeueCount(Integer maxDequeueCount) {
			this.maxDequeueCount = maxDequeueCount;
		}

		public Duration getVisibilityTimeout() {
			return this.visibilityTimeout;
		}

		public void setVisibilityTimeout(Duration visibilityTimeout) {
			this.visibilityTimeout = visibilityTimeout;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public Duration getMinPollingInterval() {
			return this.minPollingInterval;
		}

		public void setMinPollingInterval(Duration minPollingInterval) {
			this.minPollingInterval = minPollingInterval;
		}

		public Duration getMaxPollingInterval() {
			return this.maxPollingInterval;
		}

		public void setMaxPollingInterval(Duration maxPollingInterval) {
			this.maxPollingInterval = maxPollingInterval;
		}

		public QueueOptions.MessageEncoding getMessageEncoding() {
			return this.messageEncoding;
		}

		public void setMessageEncoding(QueueOptions.MessageEncoding messageEncoding) {
			this.messageEncoding = messageEncoding;
		}

	}

	public static class QueueOutput {

		/** Name of the queue the function's results are sent to. */
		private String name;

		/** Storage connection of the output queue; defaults to 'default'. */
		private String connection;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getConnection() {
			return this.connection;
		}

		public void setConnection(String connection) {
			this.connection = connection;
		}

	}

	public static class DaprTopic {

		/** Name of the Dapr pub/sub component. */
		private String pubsub;

		/** Topic the function subscribes to. */
		private String topic;

		/** CEL rule selecting this function's events; empty for the topic's default route. */
		private String match;

		/** Order of the rule among the topic's rules, lowest first. */
		private Integer priority;

		/** Path the sidecar delivers to; defaults to '/dapr/functions/<name>'. */
		private String route;

		/** Topic the sidecar moves dropped events to (the subscription's dead-letter topic). */
		private String deadLetterTopic;

		/** Whether the sidecar delivers events in bulk. */
		private Boolean bulk;

		/** Most events per bulk request; 0 for Dapr's default. */
		private Integer bulkMaxMessages;

		/** Longest wait in milliseconds to fill a bulk request; 0 for Dapr's default. */
		private Integer bulkMaxAwaitMillis;

		/** Whether the events are raw payloads rather than CloudEvents. */
		private Boolean rawPayload;

		public String getPubsub() {
			return this.pubsub;
		}

		public void setPubsub(String pubsub) {
			this.pubsub = pubsub;
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(String topic) {
			this.topic = topic;
		}

		public String getMatch() {
			return this.match;
		}

		public void setMatch(String match) {
			this.match = match;
		}

		public Integer getPriority() {
			return this.priority;
		}

		public void setPriority(Integer priority) {
			this.priority = priority;
		}

		public String getRoute() {
			return this.route;
		}

		public void setRoute(String route) {
			this.route = route;
		}

		public String getDeadLetterTopic() {
			return this.deadLetterTopic;
		}

		public void setDeadLetterTopic(String deadLetterTopic) {
			this.deadLetterTopic = deadLetterTopic;
		}

		public Boolean getBulk() {
			return this.bulk;
		}

		public void setBulk(Boolean bulk) {
			this.bulk = bulk;
		}

		public Integer getBulkMaxMessages() {
			return this.bulkMaxMessages;
		}

		public void setBulkMaxMessages(Integer bulkMaxMessages) {
			this.bulkMaxMessages = bulkMaxMessages;
		}

		public Integer getBulkMaxAwaitMillis() {
			return this.bulkMaxAwaitMillis;
		}

		public void setBulkMaxAwaitMillis(Integer bulkMaxAwaitMillis) {
			this.bulkMaxAwaitMillis = bulkMaxAwaitMillis;
		}

		public Boolean getRawPayload() {
			return this.rawPayload;
		}

		public void setRawPayload(Boolean rawPayload) {
			this.rawPayload = rawPayload;
		}

	}

	public static class Blob {

		/** Path pattern of the blobs the function runs for: 'container/blob-pattern', e.g. 'uploads/{name}.csv'. */
		private String path;

		/**
		 * Storage connection: a name under funcboot.storage.connections, or a property holding a
		 * connection string. Defaults to 'default'.
		 */
		private String connection;

		/** How long to wait between scans of the container; overrides funcboot.blob.polling-interval. */
		private Duration pollingInterval;

		/**
		 * How many times a blob version is tried before it goes to the poison queue, when the
		 * function declares no retry policy; overrides funcboot.blob.poison-blob-threshold.
		 */
		private Integer poisonBlobThreshold;

		/** How many new blob versions one scan starts; overrides funcboot.blob.max-blobs-per-scan. */
		private Integer maxBlobsPerScan;

		/** How long a replica's claim on a blob version lasts, 15 to 60 seconds; overrides funcboot.blob.lease. */
		private Duration lease;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getConnection() {
			return this.connection;
		}

		public void setConnection(String connection) {
			this.connection = connection;
		}

		public Duration getPollingInterval() {
			return this.pollingInterval;
		}

		public void setPollingInterval(Duration pollingInterval) {
			this.pollingInterval = pollingInterval;
		}

		public Integer getPoisonBlobThreshold() {
			return this.poisonBlobThreshold;
		}

		public void setPoisonBlobThreshold(Integer poisonBlobThreshold) {
			this.poisonBlobThreshold = poisonBlobThreshold;
		}

		public Integer getMaxBlobsPerScan() {
			return this.maxBlobsPerScan;
		}

		public void setMaxBlobsPerScan(Integer maxBlobsPerScan) {
			this.maxBlobsPerScan = maxBlobsPerScan;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

	}

	public static class DaprBinding {

		/** Name of the Dapr input binding component. */
		private String name;

		/** Path the sidecar calls; defaults to '/<name>'. */
		private String route;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRoute() {
			return this.route;
		}

		public void setRoute(String route) {
			this.route = route;
		}

	}

	public static class BlobOutput {

		/** Path pattern of the blob the result is written to, e.g. 'processed/{name}.txt'; values come from the trigger. */
		private String path;

		/** Storage connection of the output blob; defaults to 'default'. */
		private String connection;

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getConnection() {
			return this.connection;
		}

		public void setConnection(String connection) {
			this.connection = connection;
		}

	}

	public static class DaprPublish {

		/** Name of the Dapr pub/sub component results are published to. */
		private String pubsub;

		/** Topic results are published to. */
		private String topic;

		public String getPubsub() {
			return this.pubsub;
		}

		public void setPubsub(String pubsub) {
			this.pubsub = pubsub;
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(String topic) {
			this.topic = topic;
		}

	}

}
