package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.binding.DaprTopicTriggerBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.HttpRequestHandler;

/**
 * Receives a topic function's events from the sidecar ({@code POST <route>}): one CloudEvent, or
 * a bulk request ({@code {"entries": [...]}}). Answers 200 with Dapr's delivery status:
 * {@code {"status": "SUCCESS" | "RETRY" | "DROP"}}, or for bulk
 * {@code {"statuses": [{"entryId": ..., "status": ...}]}}, each entry settled on its own; the
 * entries run in parallel, up to {@code funcboot.dapr.bulk-parallelism} and the function's
 * concurrency limit.
 */
final class DaprTopicHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(DaprTopicHandler.class);

	private final DaprFunctionRunner runner;

	private final DaprTopicTriggerBinding trigger;

	private final DaprDeliveryCounts counts;

	private final ObjectMapper mapper;

	private final long maxBytes;

	private final DaprBulkExecutor bulkExecutor;

	private final int bulkParallelism;

	DaprTopicHandler(DaprFunctionRunner runner, DaprDeliveryCounts counts, ObjectMapper mapper, long maxBytes,
			DaprBulkExecutor bulkExecutor, int bulkParallelism) {
		this.runner = runner;
		this.trigger = (DaprTopicTriggerBinding) runner.binding().trigger();
		this.counts = counts;
		this.mapper = mapper;
		this.maxBytes = maxBytes;
		this.bulkExecutor = bulkExecutor;
		// never more at once than the pipeline admits, or the extra entries would be rejected (RETRY)
		int limit = runner.binding().policy().maxConcurrency();
		this.bulkParallelism = (limit > 0) ? Math.min(limit, bulkParallelism) : bulkParallelism;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		byte[] read = DaprRequests.body(request, this.maxBytes);
		Map<String, Object> metadata = DaprRequests.metadata(request);
		metadata.put("pubsub", this.trigger.pubsub());
		metadata.put("topic", this.trigger.topic());
		if (read == null) {
			String reason = "the request is larger than funcboot.dapr.max-event-size (" + this.maxBytes + " bytes)";
			answer(response, Map.of("status", deliver(() -> {
				throw new InputConversionException(null, reason, null);
			}, metadata)));
			return;
		}
		byte[] body = read;
		JsonNode bulk = bulkRequest(body, request.getContentType());
		Object answer;
		if (bulk != null) {
			answer = Map.of("statuses", deliverBulk(bulk, metadata));
		}
		else {
			answer = Map.of("status", deliver(() -> DaprEvent.parse(body, request.getContentType(), this.mapper),
					metadata));
		}
		answer(response, answer);
	}

	private void answer(HttpServletResponse response, Object answer) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		this.mapper.writeValue(response.getOutputStream(), answer);
	}

	private String deliver(Supplier<DaprEvent> event, Map<String, Object> metadata) {
		DaprFunctionRunner.Settlement settlement = this.runner.run(event, metadata);
		String function = this.runner.binding().name();
		switch (settlement.ending()) {
			case DONE -> {
				this.counts.record(function, DaprDeliveryCounts.SUCCESS);
				return "SUCCESS";
			}
			case POISON -> {
				logger.warn("Dropping the event of pub/sub '" + this.trigger.pubsub() + "' topic '" + this.trigger.topic()
						+ "' for function '" + function + "'"
						+ ((this.trigger.deadLetterTopic() != null)
								? " (the sidecar moves it to dead-letter topic '" + this.trigger.deadLetterTopic() + "')"
								: "")
						+ ": " + settlement.reason());
				this.counts.recordDrop(function, DaprDeliveryCounts.DROP, settlement.reason());
				return "DROP";
			}
			default -> {
				this.counts.record(function, DaprDeliveryCounts.RETRY);
				return "RETRY";
			}
		}
	}

	private List<Map<String, String>> deliverBulk(JsonNode bulk, Map<String, Object> metadata) {
		List<String> entryIds = new ArrayList<>();
		List<Supplier<String>> deliveries = new ArrayList<>();
		for (JsonNode entry : bulk.get("entries")) {
			String entryId = entry.path("entryId").asText(null);
			if (entryId == null) {
				logger.warn("Bulk request for function '" + this.runner.binding().name()
						+ "' has an entry without entryId; Dapr retries it");
				continue;
			}
			String contentType = entry.path("contentType").asText(null);
			JsonNode node = entry.get("event");
			Map<String, Object> entryMetadata = new LinkedHashMap<>(metadata);
			entryMetadata.put("entryId", entryId);
			JsonNode entryMeta = entry.get("metadata");
			if (entryMeta != null && entryMeta.isObject()) {
				entryMeta.fields().forEachRemaining((field) -> entryMetadata.put("metadata." + field.getKey(),
						field.getValue().asText()));
			}
			entryIds.add(entryId);
			deliveries.add(() -> deliver(() -> entryEvent(node, contentType), entryMetadata));
		}
		List<String> results = this.bulkExecutor.runAll(deliveries, this.bulkParallelism);
		List<Map<String, String>> statuses = new ArrayList<>();
		for (int i = 0; i < entryIds.size(); i++) {
			Map<String, String> answer = new LinkedHashMap<>();
			answer.put("entryId", entryIds.get(i));
			answer.put("status", results.get(i));
			statuses.add(answer);
		}
		return statuses;
	}


	private DaprEvent entryEvent(JsonNode node, String contentType) {
		if (node != null && node.isTextual() && (contentType == null || !contentType.contains("json"))) {
			// a raw payload delivered as text
			return new DaprEvent(null, null, node.asText().getBytes(StandardCharsets.UTF_8));
		}
		return DaprEvent.of(node, null);
	}

	/** The bulk request, or {@code null} when the body is a single event. */
	private JsonNode bulkRequest(byte[] body, String contentType) {
		if (this.trigger.bulk() == null || body.length == 0 || (contentType != null && !contentType.contains("json"))) {
			return null;
		}
		try {
			JsonNode node = this.mapper.readTree(body);
			return (node != null && node.isObject() && node.path("entries").isArray() && !node.has("specversion"))
					? node : null;
		}
		catch (JsonProcessingException ex) {
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
