package dev.funcboot.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as a user sees it: from starting a JVM process to its first {@code 200} on a path,
 * polled every 5 ms over loopback; the process is stopped afterwards.
 */
public final class FirstResponse {

	private FirstResponse() {
	}

	/**
	 * @param command the full command line; the application must listen on {@code port}
	 * @return milliseconds from process start to the first 200
	 */
	public static double measure(List<String> command, int port, String path, Duration timeout, File log, String name)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log));
		byte[] request = KeepAliveConnection.request("GET", path, "127.0.0.1:" + port, Map.of("Connection", "close"),
				null);
		long start = System.nanoTime();
		Process process = builder.start();
		try {
			long deadline = start + timeout.toNanos();
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException(name + " exited with " + process.exitValue()
							+ " before answering; see " + log + ":\n" + tail(log.toPath()));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							name + " did not answer GET " + path + " within " + timeout.toSeconds() + " s; see " + log);
				}
				try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", port, 1000)) {
					if (connection.exchange(request).status() == 200) {
						return (System.nanoTime() - start) / 1e6;
					}
					// e.g. a 404 while the context is still refreshing: keep polling
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(5);
			}
		}
		finally {
			stop(process);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	/** The last 30 lines of a log, for error messages. */
	public static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(20, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
