package dev.funcboot.durable.store.jdbc;

import java.time.Clock;

import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;

/** The engine scenarios on the reference store, so a failure elsewhere points at that store. */
class DurableEngineOnInMemoryStoreTests extends DurableEngineOnStoreTests {

	@Override
	protected OrchestrationStore createStore(Clock clock) {
		return new InMemoryOrchestrationStore();
	}

}
