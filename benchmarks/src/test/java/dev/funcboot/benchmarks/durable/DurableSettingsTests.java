package dev.funcboot.benchmarks.durable;

import java.time.Duration;
import java.util.List;

import dev.funcboot.benchmarks.harness.Args;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurableSettingsTests {

	@Test
	void defaultsMeasureEveryStoreAndScenario() {
		DurableSettings settings = DurableSettings.of(new Args(new String[0]));
		assertThat(settings.stores()).containsExactly("memory", "h2", "postgres");
		assertThat(settings.scenarios()).containsExactly("sequential", "parallel", "events", "cities");
		assertThat(settings.rounds()).isGreaterThanOrEqualTo(3);
		assertThat(settings.poolSize()).isEqualTo(settings.orchestrationThreads() + settings.activityThreads() + 2);
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void listsKeepTheGivenOrderAndIgnoreCaseAndBlanks() {
		DurableSettings settings = DurableSettings
			.of(new Args(new String[] { "--stores", " Postgres,,memory ", "--scenarios=cities,cities" }));
		assertThat(settings.stores()).containsExactly("postgres", "memory");
		assertThat(settings.scenarios()).isEqualTo(List.of("cities"));
	}

	@Test
	void unknownNamesAndNonPositiveCountsAreRejectedWithTheChoices() {
		assertThatIllegalArgumentException().isThrownBy(() -> DurableSettings.of(new Args(new String[] { "--stores",
				"mysql" }))).withMessageContaining("'mysql'").withMessageContaining("memory, h2, postgres");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DurableSettings.of(new Args(new String[] { "--stores", "," })))
			.withMessageContaining("names none");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DurableSettings.of(new Args(new String[] { "--rounds", "0" })))
			.withMessageContaining("--rounds must be at least 1");
	}

}
