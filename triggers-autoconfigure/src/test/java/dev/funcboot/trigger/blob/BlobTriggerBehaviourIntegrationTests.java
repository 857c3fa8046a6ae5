package dev.funcboot.trigger.blob;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.blob.BlobInput;
import dev.funcboot.trigger.blob.BlobFunctions.Upload;
import dev.funcboot.trigger.messaging.TriggerRecorder;
import dev.funcboot.trigger.messaging.TriggerTestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What only the blob trigger does, against Azurite: path values and metadata, every input shape,
 * one run per blob version (a changed blob runs again, an unchanged one never; a restart does not
 * repeat; two replicas share the work without running a version twice; a crashed replica's claim
 * is taken over when its lease expires), and the outputs (a CSV split into queue messages, a
 * String written to a blob path filled from the trigger). A fresh container per test; receipts
 * container and poison queue unique to the class.
 */
class BlobTriggerBehaviourIntegrationTests {

	private static final String RECEIPTS = AzuriteBlobs.unique("receipts");

	private static final String POISON = AzuriteBlobs.unique("blob-poison");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TriggerRecorder recorder = new TriggerRecorder();

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	@BeforeAll
	static void azurite() {
		AzuriteBlobs.assertRunning();
	}

	@BeforeEach
	void clear() {
		BlobFunctions.received.clear();
	}

	@AfterEach
	void close() {
		this.applications.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void pathValuesAndMetadataReachTheFunction() {
		String container = AzuriteBlobs.unique("inspect");
		ConfigurableApplicationContext application = start(
				Map.of("funcboot.functions.inspect.blob.path", container + "/in/{customer}/{name}.json"));
		AzuriteBlobs.upload(container, "in/skip.json", "{\"id\":\"skip\",\"quantity\":1}");
		AzuriteBlobs.upload(container, "out/acme/o-0.json", "{\"id\":\"out\",\"quantity\":1}");
		String etag = container(container).getBlobClient("in/acme/o-1.json")
			.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromString("{\"id\":\"o-1\",\"quantity\":2}"))
				.setHeaders(new BlobHttpHeaders().setContentType("application/json")), null, Context.NONE)
			.getValue()
			.getETag();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("o-1"));
		@SuppressWarnings("unchecked")
		BlobInput<Upload> blob = (BlobInput<Upload>) BlobFunctions.received.get(0);
		// customer and name come from the path, id and quantity from the JSON
		assertThat(blob.content()).isEqualTo(new Upload("acme", "o-1", "o-1", 2));
		assertThat(blob.container()).isEqualTo(container);
		assertThat(blob.name()).isEqualTo("in/acme/o-1.json");
		assertThat(blob.pathValues()).containsExactly(Map.entry("customer", "acme"), Map.entry("name", "o-1"));
		assertThat(blob.etag()).isEqualTo("\"" + BlobVersion.unquote(etag) + "\"");
		assertThat(blob.contentType()).isEqualTo("application/json");
		assertThat(blob.length()).isEqualTo(25);
		assertThat(blob.lastModified()).isNotNull();
		InvocationContext context = this.recorder.awaitContexts("inspect", 1).get(0);
		assertThat(context.trigger()).isEqualTo("blob");
		assertThat(context.attempt()).isEqualTo(1);
		assertThat(context.triggerMetadata()).containsEntry("blobTrigger", container + "/in/acme/o-1.json")
			.containsEntry("container", container)
			.containsEntry("blobName", "in/acme/o-1.json")
			.containsEntry("pathValues", Map.of("customer", "acme", "name", "o-1"))
			.containsEntry("etag", blob.etag())
			.containsEntry("contentType", "application/json")
			.containsEntry("length", 25L)
			.containsEntry("lastModified", blob.lastModified());
		// blobs outside the pattern never run, however many scans pass
		awaitScans(application, "inspect", 5);
		assertThat(this.recorder.contexts("inspect")).hasSize(1);
	}

	@Test
	void theContentArrivesAsBytesTextOrStream() {
		String bytes = AzuriteBlobs.unique("bytes");
		String text = AzuriteBlobs.unique("text");
		String stream = AzuriteBlobs.unique("stream");
		start(Map.of("funcboot.functions.bytes.blob.path", bytes + "/{name}", "funcboot.functions.text.blob.path",
				text + "/{name}", "funcboot.functions.stream.blob.path", stream + "/{name}"));
		AzuriteBlobs.upload(bytes, "a.bin", "hello");
		AzuriteBlobs.upload(text, "a.txt", "grüße");
		AzuriteBlobs.upload(stream, "a.txt", "streamed");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.recorder.completedIds().containsAll(Set.of("bytes:5", "text:grüße", "stream:streamed")));
		assertThat(BlobFunctions.received).anySatisfy((received) -> assertThat(received).isInstanceOf(byte[].class)
			.satisfies((content) -> assertThat(new String((byte[]) content, StandardCharsets.UTF_8)).isEqualTo("hello")));
	}

	@Test
	void aChangedBlobRunsAgainAnUnchangedOneNever() {
		String container = AzuriteBlobs.unique("changes");
		ConfigurableApplicationContext application = start(
				Map.of("funcboot.functions.text.blob.path", container + "/{name}"));
		String first = AzuriteBlobs.upload(container, "doc.txt", "v1");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("text:v1"));
		awaitScans(application, "text", 5);
		assertThat(this.recorder.contexts("text")).hasSize(1);
		String second = AzuriteBlobs.upload(container, "doc.txt", "v2");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("text:v2"));
		awaitScans(application, "text", 5);
		assertThat(this.recorder.completed()).containsExactly("text:v1", "text:v2");
		assertThat(this.recorder.contexts("text")).extracting((context) -> context.triggerMetadata().get("etag"))
			.containsExactly("\"" + BlobVersion.unquote(first) + "\"", "\"" + BlobVersion.unquote(second) + "\"");
		assertThat(BlobTriggerIntegrationTests.pending(RECEIPTS, container)).isZero();
	}

	@Test
	void aRestartDoesNotRunFinishedVersionsAgain() {
		String container = AzuriteBlobs.unique("restart");
		Map<String, String> properties = Map.of("funcboot.functions.text.blob.path", container + "/{name}");
		ConfigurableApplicationContext first = start(properties);
		for (int i = 1; i <= 3; i++) {
			AzuriteBlobs.upload(container, "doc-" + i + ".txt", "r" + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 3);
		first.close();
		// without the scan watermark, so the receipts alone must stop the second run
		AzuriteBlobs.container(RECEIPTS).getBlobClient(BlobScanState.blobName("text", container)).deleteIfExists();
		ConfigurableApplicationContext second = start(properties);
		awaitScans(second, "text", 5);
		assertThat(this.recorder.completed()).containsExactlyInAnyOrder("text:r1", "text:r2", "text:r3");
		Map<String, Object> details = status(second).details("text");
		// the receipts said "done": nothing claimed, nothing run
		assertThat(details).containsEntry("claimed", 0);
		assertThat((int) details.get("receiptChecks")).isEqualTo(3);
		assertThat(status(second).details("text").get("messages")).isEqualTo(
				Map.of("completed", 0L, "retried", 0L, "deadLettered", 0L, "settlementFailures", 0L));
	}

	@Test
	void afterARestartOldBlobsCostNoReceiptLookupsThanksToTheSharedWatermark() {
		String container = AzuriteBlobs.unique("watermark");
		Map<String, String> properties = Map.of("funcboot.functions.text.blob.path", container + "/{name}");
		ConfigurableApplicationContext first = start(properties);
		Instant lastModified = null;
		for (int i = 1; i <= 3; i++) {
			AzuriteBlobs.upload(container, "doc-" + i + ".txt", "w" + i);
			lastModified = AzuriteBlobs.container(container).getBlobClient("doc-" + i + ".txt")
				.getProperties()
				.getLastModified()
				.toInstant();
		}
		Instant newest = lastModified;
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completed().size() == 3);
		// the watermark passes the blobs once every one is finished and a second has gone by
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Object watermark = status(first).details("text").get("watermark");
			return watermark != null && ((Instant) watermark).isAfter(newest);
		});
		first.close();
		ConfigurableApplicationContext second = start(properties);
		awaitScans(second, "text", 5);
		assertThat(status(second).details("text")).containsEntry("receiptChecks", 0).containsEntry("claimed", 0);
		// a blob written after the watermark is still found, and runs once
		AzuriteBlobs.upload(container, "doc-4.txt", "w4");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("text:w4"));
		AzuriteBlobs.upload(container, "doc-1.txt", "w1 changed");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.recorder.completedIds().contains("text:w1 changed"));
		awaitScans(second, "text", 5);
		assertThat(this.recorder.completed()).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void twoReplicasRunEachBlobVersionExactlyOnce() {
		String container = AzuriteBlobs.unique("replicas");
		Map<String, String> properties = Map.of("funcboot.functions.text.blob.path", container + "/{name}",
				"funcboot.functions.text.blob.max-blobs-per-scan", "4");
		ConfigurableApplicationContext one = start(properties);
		ConfigurableApplicationContext two = start(properties);
		for (int i = 1; i <= 20; i++) {
			AzuriteBlobs.upload(container, "doc-" + i + ".txt", "a" + i);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> this.recorder.completed().size() >= 20);
		for (int i = 1; i <= 5; i++) {
			AzuriteBlobs.upload(container, "doc-" + i + ".txt", "b" + i);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> this.recorder.completed().size() >= 25);
		awaitScans(one, "text", 5);
		awaitScans(two, "text", 5);
		// 20 first versions and 5 second versions, each exactly once across both replicas
		assertThat(this.recorder.completed()).hasSize(25).doesNotHaveDuplicates();
		Set<Object> versions = new HashSet<>();
		for (InvocationContext context : this.recorder.contexts("text")) {
			assertThat(versions.add(context.triggerMetadata().get("blobName") + "@" + context.triggerMetadata().get("etag")))
				.isTrue();
		}
		int claimed = (int) status(one).details("text").get("claimed") + (int) status(two).details("text").get("claimed");
		assertThat(claimed).isEqualTo(25);
		assertThat(BlobTriggerIntegrationTests.pending(RECEIPTS, container)).isZero();
	}

	@Test
	void aCrashedReplicasClaimIsTakenOverWhenItsLeaseExpires() {
		String container = AzuriteBlobs.unique("crash");
		String etag = BlobVersion.unquote(AzuriteBlobs.upload(container, "doc.txt", "orphan"));
		// what a replica that crashed during its first attempt leaves: a receipt with one attempt, leased
		BlobClient receipt = AzuriteBlobs.container(RECEIPTS)
			.getBlobClient("blobreceipts/text/" + etag + "/" + container + "/doc.txt");
		receipt.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
			.setMetadata(Map.of("status", "pending", "attempts", "1")), null, Context.NONE);
		BlobLeaseClient lease = new BlobLeaseClientBuilder().blobClient(receipt).buildClient();
		lease.acquireLease(15);
		long leasedAt = System.nanoTime();
		start(Map.of("funcboot.functions.text.blob.path", container + "/{name}"));
		await().atMost(Duration.ofSeconds(45)).until(() -> this.recorder.completedIds().contains("text:orphan"));
		// nobody ran it while the "crashed" replica's lease held
		assertThat(Duration.ofNanos(System.nanoTime() - leasedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
		assertThat(this.recorder.awaitContexts("text", 1)).singleElement()
			.satisfies((context) -> assertThat(context.attempt()).isEqualTo(2));
	}

	@Test
	void withoutARetryPolicyTheBlobIsPoisonAfterThePoisonBlobThreshold() {
		String container = AzuriteBlobs.unique("threshold");
		start(Map.of("funcboot.functions.fail.blob.path", container + "/{name}",
				"funcboot.functions.fail.blob.poison-blob-threshold", "2"));
		String etag = BlobVersion.unquote(AzuriteBlobs.upload(container, "t-1.json", "{\"id\":\"t-1\",\"quantity\":1}"));
		await().atMost(Duration.ofSeconds(30)).until(() -> poisonMessages(container).size() == 1);
		BlobPoisonMessage message = poisonMessages(container).get(0);
		assertThat(message.type()).isEqualTo("funcboot.blob.poison");
		assertThat(message.reason()).isEqualTo(
				"retries exhausted after 2 attempts: java.lang.IllegalStateException: warehouse offline");
		assertThat(message.function()).isEqualTo("fail");
		assertThat(message.blobName()).isEqualTo("t-1.json");
		assertThat(message.etag()).isEqualTo("\"" + etag + "\"");
		assertThat(message.attempts()).isEqualTo(2);
		assertThat(message.poisonedAt()).isNotNull();
		assertThat(this.recorder.attempts("t-1")).isEqualTo(2);
		assertThat(this.recorder.contexts("fail")).extracting(InvocationContext::attempt).containsExactly(1, 2);
		assertThat(BlobTriggerIntegrationTests.pending(RECEIPTS, container)).isZero();
	}

	private static List<BlobPoisonMessage> poisonMessages(String container) {
		return AzuriteBlobs.peek(POISON)
			.stream()
			.map(BlobPoisonMessage::fromJson)
			.filter((message) -> message.container().equals(container))
			.toList();
	}

	@Test
	void aCsvUploadIsSplitIntoOneQueueMessagePerLine() throws Exception {
		String container = AzuriteBlobs.unique("csv");
		String queue = AzuriteBlobs.unique("orders");
		ConfigurableApplicationContext application = start(
				Map.of("test.csv.container", container, "test.csv.queue", queue), CsvFunctions.class);
		AzuriteBlobs.upload(container, "notes.txt", "not a csv");
		AzuriteBlobs.upload(container, "batch-1.csv", "c-1, 2\nc-2, 1\nc-3, 5\n");
		QueueClient client = AzuriteBlobs.queues().getQueueClient(queue);
		client.createIfNotExists();
		List<JsonNode> orders = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (QueueMessageItem item : client.receiveMessages(32)) {
				orders.add(JSON.readTree(Base64.getDecoder().decode(item.getBody().toString())));
				client.deleteMessage(item.getMessageId(), item.getPopReceipt());
			}
			return orders.size() >= 3;
		});
		assertThat(orders).extracting((order) -> order.get("id").asText() + "x" + order.get("quantity").asInt())
			.containsExactlyInAnyOrder("c-1x2", "c-2x1", "c-3x5");
		awaitScans(application, "split", 3);
		assertThat(this.recorder.contexts("split")).hasSize(1);
	}

	@Test
	void aStringResultIsWrittenToTheOutputPathFilledFromTheTrigger() {
		String container = AzuriteBlobs.unique("shout");
		String output = AzuriteBlobs.unique("shouted");
		ConfigurableApplicationContext application = start(Map.of("funcboot.functions.shout.blob.path",
				container + "/{name}.{ext}", "funcboot.functions.shout.blob-output.path", output + "/{name}.upper.{ext}"));
		AzuriteBlobs.upload(container, "report.2024.txt", "quiet please");
		BlobClient written = AzuriteBlobs.container(output).getBlobClient("report.2024.upper.txt");
		await().atMost(Duration.ofSeconds(30)).until(written::exists);
		assertThat(written.downloadContent().toString()).isEqualTo("QUIET PLEASE");
		assertThat(written.getProperties().getContentType()).isEqualTo("text/plain; charset=utf-8");
		MeterRegistry registry = application.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(registry.get(BlobTriggerMetrics.NAME)
				.tag("function", "shout")
				.tag("container", container)
				.tag("settlement", "completed")
				.functionCounter()
				.count()).isEqualTo(1.0));
	}

	private ConfigurableApplicationContext start(Map<String, String> properties, Class<?>... extra) {
		Map<String, Object> all = new LinkedHashMap<>(BlobTriggerIntegrationTests.properties(RECEIPTS, POISON));
		all.putAll(properties);
		all.put("spring.main.banner-mode", "off");
		List<Class<?>> sources = new ArrayList<>(List.of(TriggerTestApplication.class, BlobFunctions.class));
		sources.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(new Class<?>[0]))
			.web(WebApplicationType.NONE)
			.properties(all)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("triggerRecorder", this.recorder))
			.run();
		this.applications.add(context);
		return context;
	}

	private static BlobTriggerStatus status(ConfigurableApplicationContext application) {
		return application.getBean(BlobTriggerStatus.class);
	}

	/** Waits until the function's poller completed this many more scans. */
	private static void awaitScans(ConfigurableApplicationContext application, String function, int more) {
		int now = (int) status(application).details(function).get("scans");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> (int) status(application).details(function).get("scans") >= now + more);
	}

	private static com.azure.storage.blob.BlobContainerClient container(String name) {
		return AzuriteBlobs.container(name);
	}


}
