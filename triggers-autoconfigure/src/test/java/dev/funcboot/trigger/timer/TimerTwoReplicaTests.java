package dev.funcboot.trigger.timer;

import java.util.UUID;

/** Two replicas on one H2 in-memory database, shared inside the JVM by its name. */
class TimerTwoReplicaTests extends AbstractTimerTwoReplicaTests {

	private final String database = "replicas-" + UUID.randomUUID();

	@Override
	protected String[] databaseProperties() {
		return new String[] { "spring.datasource.url=jdbc:h2:mem:" + this.database + ";DB_CLOSE_DELAY=-1" };
	}

}
