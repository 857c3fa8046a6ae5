package dev.funcboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FunctionOutputsTests {

	private final List<Object> sent = new ArrayList<>();

	private final OutputSenderProvider queues = new OutputSenderProvider() {

		@Override
		public OutputSender senderFor(FunctionBinding function) {
			return function.outputsOfType(QueueOutputBinding.class).isEmpty() ? null : FunctionOutputsTests.this.sent::add;
		}

		@Override
		public Set<String> outputTypes() {
			return Set.of(QueueOutputBinding.TYPE);
		}

	};

	@Test
	void aFunctionWithoutOutputsSendsNothing() {
		assertThat(new FunctionOutputs(List.of(this.queues)).forFunction(function())).isSameAs(OutputSender.NONE);
	}

	@Test
	void outputsGoThroughTheProviderOfTheirType() {
		new FunctionOutputs(List.of(this.queues)).forFunction(function(queue())).send("order");
		assertThat(this.sent).containsExactly("order");
	}

	@Test
	void anOutputNoProviderSendsFailsInsteadOfBeingDroppedSilently() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new FunctionOutputs(List.of(this.queues)).forFunction(function(queue(), other())))
			.withMessageContaining("[dapr-publish]")
			.withMessageContaining("would be lost");
		assertThatIllegalStateException().isThrownBy(() -> new FunctionOutputs(List.of()).forFunction(function(queue())))
			.withMessageContaining("no output technology sends them");
	}

	@Test
	void everyProvidersSenderGetsTheResult() {
		List<Object> other = new ArrayList<>();
		OutputSenderProvider second = (function) -> other::add;
		new FunctionOutputs(List.of(this.queues, second)).forFunction(function(queue(), other())).send("order");
		assertThat(this.sent).containsExactly("order");
		assertThat(other).containsExactly("order");
	}

	private static FunctionBinding function(OutputBinding... outputs) {
		return new FunctionBinding("orders", "orders",
				new TimerTriggerBinding("0 0 * * * *", java.time.ZoneId.of("UTC"), false, false),
				new FunctionPolicy(Duration.ofMinutes(1), RetryPolicy.NONE, 0), true, List.of(outputs));
	}

	private static QueueOutputBinding queue() {
		return new QueueOutputBinding("accepted", "default");
	}

	private static OutputBinding other() {
		return new OutputBinding() {

			@Override
			public String type() {
				return "dapr-publish";
			}

			@Override
			public Map<String, Object> describe() {
				return Map.of();
			}

		};
	}

}
