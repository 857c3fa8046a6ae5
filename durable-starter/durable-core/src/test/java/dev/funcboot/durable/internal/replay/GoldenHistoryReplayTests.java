package dev.funcboot.durable.internal.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.funcboot.durable.NonDeterministicOrchestrationException;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.durable.json.HistoryJson;
import dev.funcboot.durable.json.JacksonDataConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every committed golden history against the current orchestrator code: each execution
 * must end as recorded, with no divergence and no new call. A failure here means instances
 * already running would break; see {@link GoldenOrchestrations}.
 */
class GoldenHistoryReplayTests {

	private final OrchestrationExecutor executor = new OrchestrationExecutor(GoldenOrchestrations.catalog(),
			new JacksonDataConverter());

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenFiles")
	void replaysAgainstTheCurrentCode(String file) throws IOException {
		List<List<HistoryEvent>> executions = executions(load(file));

		for (int i = 0; i < executions.size(); i++) {
			assertReplaysAsRecorded(this.executor, executions.get(i), file + ", execution " + (i + 1));
		}
		HistoryEvent.ExecutionCompleted last = completion(executions.get(executions.size() - 1));
		assertThat(last.status()).as("%s ends completed", file).isEqualTo(OrchestrationStatus.COMPLETED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenFiles")
	void fileIsInTheStableFormat(String file) throws IOException {
		String text = text(file);

		assertThat(HistoryJson.write(HistoryJson.read(text))).isEqualTo(text);
	}

	@Test
	void everyScenarioHasAGoldenFileAndEveryFileAScenario() throws IOException {
		List<String> scenarios = GoldenOrchestrations.scenarios()
			.stream()
			.map((scenario) -> scenario.name() + ".json")
			.toList();

		assertThat(goldenFiles()).as("golden files; run GoldenHistoryRecordingTests with -Dgolden.write=true for a new scenario")
			.containsExactlyInAnyOrderElementsOf(scenarios)
			.hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void aBreakingChangeToAGoldenOrchestratorFailsTheReplay() throws IOException {
		// ReserveStock dropped from the chain
		OrchestrationExecutor changed = new OrchestrationExecutor(
				OrchestratorCatalog.of(List.of(StepDriver.orchestrator("OrderChain", String.class, (context, order) -> {
					String validated = context.callActivity("ValidateOrder", order, String.class).await();
					return context.callActivity("ShipOrder", validated, String.class).await();
				}))), new JacksonDataConverter());
		List<HistoryEvent> history = load("order-chain.json");

		ExecutionResult result = changed.execute(history.subList(0, history.size() - 1), List.of());

		assertThat(result.completion().status()).isEqualTo(OrchestrationStatus.FAILED);
		assertThat(result.completion().failure().errorType())
			.isEqualTo(NonDeterministicOrchestrationException.class.getName());
		assertThat(result.completion().failure().message())
			.contains("History event #5 TaskScheduled(taskId=1, name=ReserveStock)");
	}

	/** Replays one execution but its final event, which must come out as recorded. */
	static void assertReplaysAsRecorded(OrchestrationExecutor executor, List<HistoryEvent> execution, String what) {
		HistoryEvent.ExecutionCompleted recorded = completion(execution);

		ExecutionResult replay = executor.execute(execution.subList(0, execution.size() - 1), List.of());

		assertThat(replay.actions()).as("%s: replay ends it with no new call", what).hasSize(1);
		OrchestratorAction.CompleteOrchestration done = replay.completion();
		assertThat(done).as("%s: replay ends it", what).isNotNull();
		assertThat(done.failure()).as("%s: replay fails with", what).isEqualTo(recorded.failure());
		assertThat(done.status()).as("%s: status", what).isEqualTo(recorded.status());
		assertThat(done.result()).as("%s: output", what).isEqualTo(recorded.result());
	}

	private static HistoryEvent.ExecutionCompleted completion(List<HistoryEvent> execution) {
		HistoryEvent last = execution.get(execution.size() - 1);
		assertThat(last).as("the last event of an execution").isInstanceOf(HistoryEvent.ExecutionCompleted.class);
		return (HistoryEvent.ExecutionCompleted) last;
	}

	/** A golden file holds an instance's executions one after the other (continue-as-new). */
	private static List<List<HistoryEvent>> executions(List<HistoryEvent> history) {
		List<List<HistoryEvent>> executions = new ArrayList<>();
		for (HistoryEvent event : history) {
			if (event instanceof HistoryEvent.ExecutionStarted) {
				executions.add(new ArrayList<>());
			}
			assertThat(executions).as("a history starts with ExecutionStarted").isNotEmpty();
			executions.get(executions.size() - 1).add(event);
		}
		assertThat(executions).isNotEmpty();
		return executions;
	}

	static List<String> goldenFiles() throws IOException {
		URL directory = GoldenHistoryReplayTests.class.getResource("/golden");
		assertThat(directory).as("golden/ on the test class path").isNotNull();
		try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
			return files.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".json")).sorted()
				.toList();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<HistoryEvent> load(String file) throws IOException {
		return HistoryJson.read(text(file));
	}

	private static String text(String file) throws IOException {
		try (InputStream in = GoldenHistoryReplayTests.class.getResourceAsStream("/golden/" + file)) {
			assertThat(in).as("golden/%s", file).isNotNull();
			// a Windows checkout may turn line breaks into CRLF
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
	}

}
