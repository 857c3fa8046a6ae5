package dev.funcboot.durable.internal.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.funcboot.durable.json.HistoryJson;

/**
 * (Re)writes {@code src/test/resources/golden/*.json} from {@link GoldenOrchestrations}; runs only
 * when asked:
 * <pre>mvn -o -q test -pl durable-starter/durable-core -Dtest=GoldenHistoryWriter -Dgolden.write=true</pre>
 * Rewrite them for a new scenario or a new history format, never to make a failing replay pass:
 * that failure means running instances would break.
 */
@EnabledIfSystemProperty(named = "golden.write", matches = "true")
class GoldenHistoryWriter {

	static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

	@Test
	void writeGoldenHistories() throws IOException {
		Files.createDirectories(GOLDEN);
		for (GoldenOrchestrations.Scenario scenario : GoldenOrchestrations.scenarios()) {
			Files.writeString(GOLDEN.resolve(scenario.name() + ".json"), HistoryJson.write(scenario.record()),
					StandardCharsets.UTF_8);
		}
	}

}
