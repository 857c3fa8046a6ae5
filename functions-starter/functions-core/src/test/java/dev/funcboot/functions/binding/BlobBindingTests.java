package dev.funcboot.functions.binding;

import java.time.Duration;

import dev.funcboot.functions.blob.BlobPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BlobBindingTests {

	@Test
	void defaultsAreAzureFunctionsOwn() {
		assertThat(BlobOptions.DEFAULTS.poisonBlobThreshold()).isEqualTo(5);
		assertThat(BlobOptions.DEFAULTS.lease()).isEqualTo(Duration.ofSeconds(30));
		assertThat(BlobTriggerBinding.DEFAULT_POISON_QUEUE).isEqualTo("webjobs-blobtrigger-poison");
	}

	@Test
	void optionsAreCheckedWithTheSettingThatIsWrong() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobOptions(Duration.ZERO, 5, 16, Duration.ofSeconds(30)))
			.withMessageContaining("polling-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobOptions(Duration.ofSeconds(1), 0, 16, Duration.ofSeconds(30)))
			.withMessageContaining("poison-blob-threshold");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobOptions(Duration.ofSeconds(1), 5, 0, Duration.ofSeconds(30)))
			.withMessageContaining("max-blobs-per-scan");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobOptions(Duration.ofSeconds(1), 5, 16, Duration.ofSeconds(10)))
			.withMessageContaining("lease must be between 15 and 60 seconds");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobOptions(Duration.ofSeconds(1), 5, 16, Duration.ofMinutes(2)))
			.withMessageContaining("lease");
	}

	@Test
	void bindingsDescribeThemselvesForTheEndpoint() {
		BlobTriggerBinding trigger = new BlobTriggerBinding(BlobPath.parse("uploads/in/{name}.csv"), "default",
				BlobOptions.DEFAULTS);
		assertThat(trigger.type()).isEqualTo("blob");
		assertThat(trigger.describe()).containsEntry("path", "uploads/in/{name}.csv")
			.containsEntry("container", "uploads")
			.containsEntry("prefix", "in/")
			.containsEntry("poisonBlobThreshold", 5)
			.containsEntry("pollingInterval", "PT5S");
		BlobOutputBinding output = new BlobOutputBinding(BlobPath.parse("processed/{name}.txt"), "default");
		assertThat(output.type()).isEqualTo("blob");
		assertThat(output.describe()).containsEntry("path", "processed/{name}.txt").containsEntry("connection", "default");
	}

}
