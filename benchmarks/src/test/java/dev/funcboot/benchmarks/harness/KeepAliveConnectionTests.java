package dev.funcboot.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeepAliveConnectionTests {

	@Test
	void readsLengthDelimitedAndChunkedResponsesOnOneConnection() throws Exception {
		try (ServerSocket server = new ServerSocket(0)) {
			CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> serve(server,
					"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
					"HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
					"HTTP/1.1 204 No Content\r\n\r\n"));
			try (KeepAliveConnection connection = new KeepAliveConnection("127.0.0.1", server.getLocalPort(), 2000)) {
				byte[] request = KeepAliveConnection.request("GET", "/x", "localhost", Map.of(), null);
				assertThat(connection.exchange(request).bodyText()).isEqualTo("hello");
				KeepAliveConnection.Response chunked = connection.exchange(request);
				assertThat(chunked.status()).isEqualTo(201);
				assertThat(chunked.bodyText()).isEqualTo("abcde");
				assertThat(connection.exchange(request).status()).isEqualTo(204);
				assertThat(connection.connects()).isOne();
			}
			assertThat(served.get(5, TimeUnit.SECONDS)).isEqualTo(3);
		}
	}

	@Test
	void requestCarriesContentLength() {
		byte[] request = KeepAliveConnection.request("POST", "/api/echo", "h:1", Map.of("X-A", "b"),
				"{}".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(request, StandardCharsets.ISO_8859_1))
			.isEqualTo("POST /api/echo HTTP/1.1\r\nHost: h:1\r\nX-A: b\r\nContent-Length: 2\r\n\r\n{}");
	}

	/** Answers each request on one accepted connection with the next canned response. */
	private static int serve(ServerSocket server, String... responses) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
					StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			int answered = 0;
			for (String response : responses) {
				for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
					// skip the request head; the requests have no body
				}
				out.write(response.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				answered++;
			}
			return answered;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
