package dev.funcboot.durable.store.jdbc;

import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;

/** The reference store passes the contract the JDBC store is held to. */
class InMemoryOrchestrationStoreContractTests extends OrchestrationStoreContractTests {

	@Override
	protected OrchestrationStore createStore() {
		return new InMemoryOrchestrationStore();
	}

}
