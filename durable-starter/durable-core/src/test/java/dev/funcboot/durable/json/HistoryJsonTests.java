package dev.funcboot.durable.json;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.FailureDetails;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.history.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HistoryJsonTests {

	private static final Instant T = Instant.parse("2024-05-01T09:00:00Z");

	private static final FailureDetails FAILURE = new FailureDetails("java.lang.IllegalStateException",
			"card \"declined\"", "java.lang.IllegalStateException: card\n\tat Pay.run(Pay.java:12)\n");

	/** One of every event type, with awkward payloads: quotes, line breaks, unicode. */
	private static final List<HistoryEvent> EVERY_TYPE = List.of(
			new HistoryEvent.ExecutionStarted(T, "order", "i-1", "{\"id\":\"o-1\"}",
					new HistoryEvent.ParentInstance("p-1", "parent", 4)),
			new HistoryEvent.OrchestratorStarted(T.plusMillis(1)),
			new HistoryEvent.TaskScheduled(T.plusNanos(1), 0, "charge", "\"line1\\nline2 \u00e9\u4e2d\""),
			new HistoryEvent.TaskCompleted(T, 0, "42"), new HistoryEvent.TaskFailed(T, 1, FAILURE),
			new HistoryEvent.SubOrchestrationCreated(T, 2, "child", "i-1:2", "[1,2]"),
			new HistoryEvent.SubOrchestrationCompleted(T, 2, null),
			new HistoryEvent.SubOrchestrationFailed(T, 3, new FailureDetails("Boom", null, null)),
			new HistoryEvent.TimerCreated(T, 4, T.plusSeconds(3600)),
			new HistoryEvent.TimerFired(T.plusSeconds(3600), 4, T.plusSeconds(3600)),
			new HistoryEvent.EventRaised(T, "Approval", "true"),
			new HistoryEvent.ExecutionSuspended(T, "maintenance"), new HistoryEvent.ExecutionResumed(T, null),
			new HistoryEvent.ExecutionTerminated(T, "\"operator\""),
			new HistoryEvent.ExecutionCompleted(T, OrchestrationStatus.FAILED, null, FAILURE),
			new HistoryEvent.ExecutionCompleted(T, OrchestrationStatus.CONTINUED_AS_NEW, "2", null));

	@Test
	void roundTripsEveryEventType() {
		List<Class<?>> sampled = EVERY_TYPE.stream().<Class<?>>map(Object::getClass).toList();
		assertThat(sampled).as("the sample covers every event type")
			.containsAll(List.of(HistoryEvent.class.getPermittedSubclasses()));

		String json = HistoryJson.write(EVERY_TYPE);

		assertThat(HistoryJson.read(json)).isEqualTo(EVERY_TYPE);
		assertThat(HistoryJson.write(HistoryJson.read(json))).isEqualTo(json);
	}

	@Test
	void writesOneReadableObjectPerLineWithATypeFirst() {
		String json = HistoryJson.write(List.of(new HistoryEvent.ExecutionStarted(T, "order", "i-1", "\"o-1\"", null),
				new HistoryEvent.TaskFailed(T, 1, new FailureDetails("E", "m", null)),
				new HistoryEvent.ExecutionCompleted(T, OrchestrationStatus.COMPLETED, "\"done\"", null)));

		assertThat(json).isEqualTo("""
				[
				  {"type":"ExecutionStarted","timestamp":"2024-05-01T09:00:00Z","name":"order","instanceId":"i-1","input":"\\"o-1\\""},
				  {"type":"TaskFailed","timestamp":"2024-05-01T09:00:00Z","taskId":1,"failure":{"errorType":"E","message":"m"}},
				  {"type":"ExecutionCompleted","timestamp":"2024-05-01T09:00:00Z","status":"Completed","result":"\\"done\\""}
				]
				""");
		assertThat(HistoryJson.write(List.of())).isEqualTo("[]\n");
		assertThat(HistoryJson.read("[]")).isEmpty();
	}

	@Test
	void readsStatusesByEnumNameToo() {
		List<HistoryEvent> events = HistoryJson.read("""
				[{"type":"ExecutionCompleted","timestamp":"2024-05-01T09:00:00Z","status":"CONTINUED_AS_NEW"}]""");

		assertThat(events).containsExactly(
				new HistoryEvent.ExecutionCompleted(T, OrchestrationStatus.CONTINUED_AS_NEW, null, null));
	}

	@Test
	void rejectsWhatItDoesNotKnowNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryJson.read("[{\"type\":\"TaskStarted\"}]"))
			.withMessageStartingWith("History event #0: unknown type 'TaskStarted'; known types: [ExecutionStarted,");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HistoryJson.read(
					"[{\"type\":\"OrchestratorStarted\",\"timestamp\":\"2024-05-01T09:00:00Z\"},"
							+ "{\"type\":\"TimerFired\",\"timestamp\":\"2024-05-01T09:00:00Z\",\"taskid\":1}]"))
			.withMessage("History event #1: unknown field 'taskid' in TimerFired; known fields: [timestamp, taskId, fireAt]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HistoryJson.read("[{\"type\":\"TimerFired\",\"timestamp\":\"2024-05-01T09:00:00Z\"}]"))
			.withMessage("History event #0: missing field 'taskId' in TimerFired");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HistoryJson.read("[{\"type\":\"OrchestratorStarted\",\"timestamp\":\"yesterday\"}]"))
			.withMessageContaining("OrchestratorStarted.timestamp must be an ISO-8601 instant")
			.withMessageContaining("'yesterday'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HistoryJson.read("[{\"type\":\"TaskCompleted\",\"timestamp\":\"2024-05-01T09:00:00Z\","
					+ "\"taskId\":0,\"result\":42}]"))
			.withMessage("History event #0: TaskCompleted.result must be a string, found 42");
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryJson.read("{\"type\":\"TaskCompleted\"}"))
			.withMessage("A history must be a JSON array of events, found OBJECT");
		assertThatIllegalArgumentException().isThrownBy(() -> HistoryJson.read("[{"))
			.withMessageStartingWith("A history is not valid JSON");
	}

}
