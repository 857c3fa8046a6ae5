package dev.funcboot.durable.internal.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.json.HistoryJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records every {@link GoldenOrchestrations} scenario with today's engine and checks that the
 * result is byte for byte the committed golden file: the recording and the history format are
 * stable. For a new scenario or a deliberate format change, rewrite the files with
 * <pre>mvn -o -q test -pl durable-starter/durable-core -Dtest=GoldenHistoryRecordingTests -Dgolden.write=true</pre>
 * never to make a failing replay pass: that failure means running instances would break.
 */
class GoldenHistoryRecordingTests {

	static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

	@Test
	void recordedHistoriesMatchTheGoldenFiles() throws IOException {
		boolean write = Boolean.getBoolean("golden.write");
		for (GoldenOrchestrations.Scenario scenario : GoldenOrchestrations.scenarios()) {
			String recorded = HistoryJson.write(scenario.record());
			Path file = GOLDEN.resolve(scenario.name() + ".json");
			if (write) {
				Files.createDirectories(GOLDEN);
				Files.writeString(file, recorded, StandardCharsets.UTF_8);
			}
			assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).isEqualTo(recorded);
		}
	}

}
