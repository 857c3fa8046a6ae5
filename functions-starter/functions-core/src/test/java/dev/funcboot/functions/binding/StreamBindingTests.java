package dev.funcboot.functions.binding;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class StreamBindingTests {

	@Test
	void optionsDefaultToServiceBusLikeDeliveryAndRejectNonsense() {
		assertThat(StreamOptions.DEFAULTS).isEqualTo(new StreamOptions(100, 10, Duration.ofSeconds(1), null));
		assertThat(new StreamOptions(1, 1, Duration.ZERO, "  ").deadLetter()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamOptions(0, 1, Duration.ZERO, null))
			.withMessage("batch-size must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamOptions(1, 0, Duration.ZERO, null))
			.withMessage("max-delivery-count must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamOptions(1, 1, Duration.ofSeconds(-1), null))
			.withMessageContaining("retry-delay must not be negative");
	}

	@Test
	void triggersAndOutputsDescribeThemselvesForTheEndpoint() {
		StreamTriggerBinding trigger = new StreamTriggerBinding(StreamTriggerBinding.RABBIT, "orders", "ship", "rabbit",
				"orders.#", new StreamOptions(8, 3, Duration.ofMillis(500), "orders.ship.dlq"));
		assertThat(trigger.type()).isEqualTo("rabbit");
		assertThat(trigger.describe()).containsExactly(entry("destination", "orders"), entry("group", "ship"),
				entry("binder", "rabbit"), entry("routingKey", "orders.#"), entry("batchSize", 8),
				entry("maxDeliveryCount", 3), entry("retryDelay", "PT0.5S"), entry("deadLetter", "orders.ship.dlq"));
		assertThat(new StreamTriggerBinding("servicebus", "payments", null, "servicebus", null, StreamOptions.DEFAULTS)
			.group()).isEmpty();
		StreamOutputBinding output = new StreamOutputBinding("servicebus", "audited", "servicebus", " ", "topic");
		assertThat(output.routingKey()).isNull();
		assertThat(output.describe()).containsExactly(entry("destination", "audited"), entry("binder", "servicebus"),
				entry("entityType", "topic"));
	}

	@Test
	void aCosmosTriggerNeedsALeaseContainerOfItsOwn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CosmosDBTriggerBinding("shop", "orders", "orders", "default", false, 100,
					Duration.ofSeconds(5)))
			.withMessageContaining("the lease container must not be the monitored container 'orders'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CosmosDBTriggerBinding("shop", "orders", "leases", "default", false, 0,
					Duration.ofSeconds(5)))
			.withMessageContaining("max-items-per-invocation must be at least 1");
		assertThat(new CosmosDBTriggerBinding("shop", "orders", "leases", "default", true, 10, Duration.ofSeconds(1))
			.describe()).containsEntry("leaseContainer", "leases").containsEntry("startFromBeginning", true);
	}

}
