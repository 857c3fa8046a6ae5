package dev.funcboot.durable.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts {@link DurableWorkerMain} JVMs and reads their activity logs. */
final class WorkerProcesses implements AutoCloseable {

	private final String url;

	private final String user;

	private final Path logDir;

	private final long leaseMillis;

	private final long activityDelayMillis;

	private final List<Process> processes = new ArrayList<>();

	WorkerProcesses(String url, String user, Path logDir, long leaseMillis, long activityDelayMillis) {
		this.url = url;
		this.user = user;
		this.logDir = logDir;
		this.leaseMillis = leaseMillis;
		this.activityDelayMillis = activityDelayMillis;
	}

	Process start(String workerId) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				DurableWorkerMain.class.getName(), this.url, this.user, workerId, this.logDir.toString(),
				String.valueOf(this.leaseMillis), String.valueOf(this.activityDelayMillis))
			.redirectErrorStream(true)
			.redirectOutput(this.logDir.resolve(workerId + ".out").toFile())
			.start();
		this.processes.add(process);
		return process;
	}

	/** SIGKILL: no shutdown hooks, no finally blocks, nothing flushed that was not already. */
	static void kill(Process process) throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** Activity attempts logged by a worker: key "instance/step" -> attempts. */
	Map<String, Integer> attempts(String workerId) throws IOException {
		Path log = this.logDir.resolve(workerId + ".log");
		Map<String, Integer> attempts = new HashMap<>();
		if (Files.exists(log)) {
			for (String line : Files.readAllLines(log)) {
				if (!line.isBlank()) {
					attempts.merge(line, 1, Integer::sum);
				}
			}
		}
		return attempts;
	}

	String output(String workerId) throws IOException {
		Path out = this.logDir.resolve(workerId + ".out");
		return Files.exists(out) ? Files.readString(out) : "";
	}

	@Override
	public void close() throws InterruptedException {
		for (Process process : this.processes) {
			kill(process);
		}
	}

}
