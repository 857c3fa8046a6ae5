package dev.funcboot.durable.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.history.HistoryEvent;

/**
 * Instance status in the JSON shape of the Durable Functions HTTP API: {@code name},
 * {@code instanceId}, {@code runtimeStatus}, {@code input}, {@code customStatus}, {@code output},
 * {@code createdTime}, {@code lastUpdatedTime}, {@code historyEvents}.
 */
final class DurableStatusJson {

	private final ObjectMapper mapper;

	DurableStatusJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	Map<String, Object> status(OrchestrationMetadata instance, boolean showInput, List<HistoryEvent> history,
			boolean showHistoryOutput) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", instance.name());
		json.put("instanceId", instance.instanceId());
		json.put("runtimeStatus", instance.status().displayName());
		json.put("input", showInput ? payload(instance.serializedInput()) : null);
		json.put("customStatus", payload(instance.serializedCustomStatus()));
		json.put("output", (instance.failure() != null) ? instance.failure().message()
				: payload(instance.serializedOutput()));
		json.put("createdTime", time(instance.createdAt()));
		json.put("lastUpdatedTime", time(instance.lastUpdatedAt()));
		if (history != null) {
			json.put("historyEvents", history(history, showHistoryOutput));
		}
		return json;
	}

	private List<Map<String, Object>> history(List<HistoryEvent> events, boolean showOutput) {
		Map<Integer, HistoryEvent.TaskScheduled> scheduled = new HashMap<>();
		Map<Integer, HistoryEvent.SubOrchestrationCreated> children = new HashMap<>();
		List<Map<String, Object>> result = new ArrayList<>();
		for (HistoryEvent event : events) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("EventType", event.getClass().getSimpleName());
			if (event instanceof HistoryEvent.OrchestratorStarted) {
				continue;
			}
			if (event instanceof HistoryEvent.ExecutionStarted e) {
				json.put("FunctionName", e.name());
			}
			else if (event instanceof HistoryEvent.TaskScheduled e) {
				scheduled.put(e.taskId(), e);
				continue;
			}
			else if (event instanceof HistoryEvent.SubOrchestrationCreated e) {
				children.put(e.taskId(), e);
				continue;
			}
			else if (event instanceof HistoryEvent.TaskCompleted e) {
				HistoryEvent.TaskScheduled task = scheduled.get(e.taskId());
				json.put("FunctionName", (task != null) ? task.name() : null);
				json.put("ScheduledTime", (task != null) ? time(task.timestamp()) : null);
				if (showOutput) {
					json.put("Result", payload(e.result()));
				}
			}
			else if (event instanceof HistoryEvent.TaskFailed e) {
				HistoryEvent.TaskScheduled task = scheduled.get(e.taskId());
				json.put("FunctionName", (task != null) ? task.name() : null);
				json.put("Reason", e.failure().message());
				json.put("Details", e.failure().errorType());
			}
			else if (event instanceof HistoryEvent.SubOrchestrationCompleted e) {
				HistoryEvent.SubOrchestrationCreated child = children.get(e.taskId());
				json.put("FunctionName", (child != null) ? child.name() : null);
				json.put("InstanceId", (child != null) ? child.instanceId() : null);
				if (showOutput) {
					json.put("Result", payload(e.result()));
				}
			}
			else if (event instanceof HistoryEvent.SubOrchestrationFailed e) {
				HistoryEvent.SubOrchestrationCreated child = children.get(e.taskId());
				json.put("FunctionName", (child != null) ? child.name() : null);
				json.put("Reason", e.failure().message());
			}
			else if (event instanceof HistoryEvent.TimerCreated e) {
				json.put("FireAt", time(e.fireAt()));
			}
			else if (event instanceof HistoryEvent.TimerFired e) {
				json.put("FireAt", time(e.fireAt()));
			}
			else if (event instanceof HistoryEvent.EventRaised e) {
				json.put("Name", e.name());
				if (showOutput) {
					json.put("Input", payload(e.input()));
				}
			}
			else if (event instanceof HistoryEvent.ExecutionCompleted e) {
				json.put("OrchestrationStatus", e.status().displayName());
				if (showOutput) {
					json.put("Result", (e.failure() != null) ? e.failure().message() : payload(e.result()));
				}
			}
			else if (event instanceof HistoryEvent.ExecutionTerminated e) {
				json.put("Reason", e.reason());
			}
			json.put("Timestamp", time(event.timestamp()));
			result.add(json);
		}
		return result;
	}

	/** Stored payloads are JSON; show them as JSON, or as text if they are not. */
	JsonNode payload(String data) {
		if (data == null) {
			return null;
		}
		try {
			return this.mapper.readTree(data);
		}
		catch (Exception ex) {
			return TextNode.valueOf(data);
		}
	}

	static String time(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.SECONDS).toString() : null;
	}

}
