package dev.funcboot.durable.testing;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.OrchestrationContext;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.TaskTimedOutException;
import dev.funcboot.durable.history.HistoryEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Human interaction: an approval waits up to three days for a manager's decision; tested with
 * the settable clock both ways, and replayed from the recorded history.
 */
class ApprovalOrchestrationTests {

	record Order(String id, int amount) {
	}

	/** Reserve stock, wait for approval (3 days), then charge, or escalate on timeout. */
	static final class ApprovalOrchestrator implements Orchestrator<Order, String> {

		final List<String> liveLog = new ArrayList<>();

		@Override
		public String run(OrchestrationContext ctx, Order order) {
			String reservation = ctx.callActivity("reserve", order.id(), String.class).await();
			ctx.setCustomStatus("awaiting approval");
			if (!ctx.isReplaying()) {
				this.liveLog.add("waiting since " + ctx.currentInstant());
			}
			try {
				Boolean approved = ctx.waitForExternalEvent("approval", Duration.ofDays(3), Boolean.class).await();
				if (Boolean.TRUE.equals(approved)) {
					return ctx.callActivity("charge", order.id(), String.class).await() + " after " + reservation;
				}
				return ctx.callActivity("cancel", order.id(), String.class).await();
			}
			catch (TaskTimedOutException ex) {
				ctx.setCustomStatus("escalated");
				return ctx.callActivity("escalate", order.id(), String.class).await();
			}
		}

	}

	static final class Jackson implements DataConverter {

		final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

		@Override
		public String serialize(Object value) {
			try {
				return (value != null) ? this.mapper.writeValueAsString(value) : null;
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(ex);
			}
		}

		@Override
		public <T> T deserialize(String data, Type type) {
			try {
				return (data != null) ? this.mapper.readValue(data, this.mapper.constructType(type)) : null;
			}
			catch (Exception ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

	final Jackson converter = new Jackson();

	final ApprovalOrchestrator orchestrator = new ApprovalOrchestrator();

	DurableTestKit kit() {
		return DurableTestKit.builder(this.converter)
			.orchestrator("approval", this.orchestrator)
			.activity("reserve", String.class, (String id) -> "reserved " + id)
			.activity("charge", String.class, (String id) -> "charged " + id)
			.activity("cancel", String.class, (String id) -> "cancelled " + id)
			.activity("escalate", String.class, (String id) -> "escalated " + id)
			.build();
	}

	@Test
	void approvedInTime() {
		DurableTestKit kit = kit();
		String id = kit.client().scheduleNewOrchestration("approval", new Order("o-1", 40));
		kit.runUntilIdle();
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		assertThat(kit.instance(id).<String>readCustomStatusAs(String.class)).isEqualTo("awaiting approval");
		kit.advance(Duration.ofDays(2));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.raiseEvent(id, "approval", true);
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("charged o-1 after reserved o-1");
		// the timeout timer fires later and changes nothing
		kit.advance(Duration.ofDays(2));
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("charged o-1 after reserved o-1");
		assertThat(this.orchestrator.liveLog).hasSize(1);
		assertReplays(kit.history(id), "\"charged o-1 after reserved o-1\"");
	}

	@Test
	void escalatedOnTimeout() {
		DurableTestKit kit = kit();
		Instant start = kit.clock().instant();
		String id = kit.client().scheduleNewOrchestration("approval", new Order("o-2", 900));
		kit.runUntilIdle();
		kit.advance(Duration.ofDays(3).minusSeconds(1));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.RUNNING);
		kit.advance(Duration.ofSeconds(1));
		assertThat(kit.instance(id).status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("escalated o-2");
		assertThat(kit.instance(id).<String>readCustomStatusAs(String.class)).isEqualTo("escalated");
		HistoryEvent.TimerFired fired = kit.history(id)
			.stream()
			.filter(HistoryEvent.TimerFired.class::isInstance)
			.map(HistoryEvent.TimerFired.class::cast)
			.findFirst()
			.orElseThrow();
		assertThat(fired.fireAt()).isEqualTo(start.plus(Duration.ofDays(3)));
		// an approval after the timeout is ignored
		kit.raiseEvent(id, "approval", true);
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("escalated o-2");
		assertReplays(kit.history(id), "\"escalated o-2\"");
	}

	@Test
	void eventRaisedBeforeTheWaitIsBuffered() {
		DurableTestKit kit = DurableTestKit.builder(this.converter)
			.orchestrator("approval", this.orchestrator)
			.activity("reserve", String.class, (String id) -> "reserved " + id)
			.activity("charge", String.class, (String id) -> "charged " + id)
			.build();
		String id = kit.client().scheduleNewOrchestration("approval", new Order("o-3", 1));
		kit.client().raiseEvent(id, "approval", true);
		kit.runUntilIdle();
		assertThat(kit.instance(id).<String>readOutputAs(String.class)).isEqualTo("charged o-3 after reserved o-3");
	}

	private void assertReplays(List<HistoryEvent> history, String output) {
		ReplayResult replay = DurableTestKit.replay(history,
				OrchestratorCatalog.of(List.of(OrchestratorRegistration.of("approval", new ApprovalOrchestrator()))),
				this.converter);
		assertThat(replay.failure()).isNull();
		assertThat(replay.status()).isEqualTo(OrchestrationStatus.COMPLETED);
		assertThat(replay.output()).isEqualTo(output);
		assertThat(replay.newActions()).isZero();
	}

}
