package dev.funcboot.trigger.storagequeue.binder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueueNamesTests {

	@Test
	void acceptsWhatTheServiceAccepts() {
		assertThat(QueueNames.problem("orders")).isNull();
		assertThat(QueueNames.problem("abc")).isNull();
		assertThat(QueueNames.problem("orders-2025-eu")).isNull();
		assertThat(QueueNames.problem("a".repeat(63))).isNull();
	}

	@Test
	void rejectsWhatTheServiceRejects() {
		assertThat(QueueNames.problem("Orders")).contains("lower-case");
		assertThat(QueueNames.problem("ab")).isNotNull();
		assertThat(QueueNames.problem("a".repeat(64))).isNotNull();
		assertThat(QueueNames.problem("-orders")).isNotNull();
		assertThat(QueueNames.problem("orders-")).isNotNull();
		assertThat(QueueNames.problem("or--ders")).isNotNull();
		assertThat(QueueNames.problem("orders_eu")).isNotNull();
		assertThat(QueueNames.problem(" ")).isEqualTo("queue name is empty");
	}

	@Test
	void aConsumedQueueLeavesRoomForItsPoisonQueue() {
		assertThat(QueueNames.poisonQueue("orders")).isEqualTo("orders-poison");
		assertThat(QueueNames.problemWithConsumerQueue("a".repeat(56))).isNull();
		assertThat(QueueNames.problemWithConsumerQueue("a".repeat(57))).contains("at most 56 characters");
	}

}
