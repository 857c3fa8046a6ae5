package dev.funcboot.benchmarks.queue;

/** What both consumers do with a message: nothing that costs, but not nothing the JIT can drop. */
final class NoopWork {

	private static volatile int sink;

	private NoopWork() {
	}

	static void handle(byte[] payload) {
		sink = payload.length;
	}

}
