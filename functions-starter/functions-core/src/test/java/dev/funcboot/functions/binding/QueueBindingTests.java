package dev.funcboot.functions.binding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.funcboot.functions.binding.QueueOptions.MessageEncoding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class QueueBindingTests {

	@Test
	void defaultsAreAzureFunctionsDefaults() {
		assertThat(QueueOptions.DEFAULTS).isEqualTo(new QueueOptions(16, 5, Duration.ZERO, Duration.ofMinutes(1),
				Duration.ofMillis(100), Duration.ofMinutes(1), MessageEncoding.BASE64));
	}

	@Test
	void optionsStayWithinTheServiceLimits() {
		assertThatIllegalArgumentException().isThrownBy(() -> options(33, 5, Duration.ZERO, Duration.ofMinutes(1)))
			.withMessageContaining("batch-size must be between 1 and 32, was 33");
		assertThatIllegalArgumentException().isThrownBy(() -> options(0, 5, Duration.ZERO, Duration.ofMinutes(1)))
			.withMessageContaining("batch-size");
		assertThatIllegalArgumentException().isThrownBy(() -> options(16, 0, Duration.ZERO, Duration.ofMinutes(1)))
			.withMessageContaining("max-dequeue-count");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options(16, 5, Duration.ofDays(8), Duration.ofMinutes(1)))
			.withMessageContaining("visibility-timeout must be between 0 and 7 days");
		assertThatIllegalArgumentException().isThrownBy(() -> options(16, 5, Duration.ZERO, Duration.ofMillis(500)))
			.withMessageContaining("lease must be between 1 second and 7 days");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new QueueOptions(16, 5, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(2),
					Duration.ofSeconds(1), MessageEncoding.NONE))
			.withMessageContaining("max-polling-interval (PT1S) must not be shorter than min-polling-interval (PT2S)");
	}

	@Test
	void queueTriggerDescribesItselfAndNamesItsPoisonQueue() {
		QueueTriggerBinding binding = new QueueTriggerBinding("orders", "default", QueueOptions.DEFAULTS);
		assertThat(binding.type()).isEqualTo("queue").isEqualTo(QueueTriggerBinding.TYPE);
		assertThat(binding.poisonQueue()).isEqualTo("orders-poison");
		assertThat(binding.describe()).containsExactly(entry("queue", "orders"), entry("poisonQueue", "orders-poison"),
				entry("connection", "default"), entry("batchSize", 16), entry("maxDequeueCount", 5),
				entry("visibilityTimeout", "PT0S"), entry("lease", "PT1M"), entry("minPollingInterval", "PT0.1S"),
				entry("maxPollingInterval", "PT1M"), entry("messageEncoding", MessageEncoding.BASE64));
	}

	@Test
	void outputsAreCopiedAndFoundByType() {
		QueueTriggerBinding trigger = new QueueTriggerBinding("orders", "default", QueueOptions.DEFAULTS);
		List<OutputBinding> outputs = new ArrayList<>(List.of(new QueueOutputBinding("accepted", "default")));
		FunctionBinding binding = new FunctionBinding("intake", "intake", trigger, FunctionPolicy.DEFAULT, true,
				outputs);
		outputs.clear();
		assertThat(binding.outputs()).containsExactly(new QueueOutputBinding("accepted", "default"));
		assertThat(binding.outputsOfType(QueueOutputBinding.class)).extracting(QueueOutputBinding::queue)
			.containsExactly("accepted");
		assertThat(binding.outputs().get(0).describe()).containsExactly(entry("queue", "accepted"),
				entry("connection", "default"));
		assertThat(new FunctionBinding("intake", "intake", trigger, FunctionPolicy.DEFAULT, true).outputs()).isEmpty();
	}

	private static QueueOptions options(int batchSize, int maxDequeueCount, Duration visibility, Duration lease) {
		return new QueueOptions(batchSize, maxDequeueCount, visibility, lease, Duration.ofMillis(100),
				Duration.ofMinutes(1), MessageEncoding.BASE64);
	}

}
