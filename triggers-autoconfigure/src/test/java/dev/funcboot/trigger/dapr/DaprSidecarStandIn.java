package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Empty;
import com.sun.net.httpserver.HttpServer;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprProtos;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/**
 * A stand-in for the Dapr sidecar, in process, on random ports: the gRPC API from the Dapr SDK's
 * own service definition ({@link DaprGrpc.DaprImplBase}, as generated from Dapr's protos) for
 * publishing, and the HTTP API ({@code GET /v1.0/healthz}, {@code /v1.0/invoke/<app>/method/<path>})
 * the SDK uses for health and service invocation. It records exactly what the SDK sends. It is
 * not Dapr: no components, no delivery to subscribers.
 */
final class DaprSidecarStandIn implements AutoCloseable {

	static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

	private static final Context.Key<Metadata> HEADERS = Context.key("headers");

	/** A publish call as received: the request and the gRPC headers it came with. */
	record Published(DaprProtos.PublishEventRequest request, Metadata headers) {
	}

	/** A service invocation as received over HTTP. */
	record Invoked(String method, String path, Map<String, List<String>> headers, String body) {
	}

	final List<Published> published = new CopyOnWriteArrayList<>();

	final List<Invoked> invoked = new CopyOnWriteArrayList<>();

	/** Topics whose publishing fails with UNAVAILABLE, as a sidecar whose broker is down. */
	final List<String> failingTopics = new CopyOnWriteArrayList<>();

	private final Server grpc;

	private final HttpServer http;

	DaprSidecarStandIn() throws IOException {
		ServerInterceptor headers = new ServerInterceptor() {
			@Override
			public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata metadata,
					ServerCallHandler<Q, R> next) {
				return Contexts.interceptCall(Context.current().withValue(HEADERS, metadata), call, metadata, next);
			}
		};
		this.grpc = ServerBuilder.forPort(0)
			.addService(ServerInterceptors.intercept(new DaprGrpc.DaprImplBase() {
				@Override
				public void publishEvent(DaprProtos.PublishEventRequest request, StreamObserver<Empty> observer) {
					if (DaprSidecarStandIn.this.failingTopics.contains(request.getTopic())) {
						observer.onError(Status.UNAVAILABLE.withDescription("broker down").asRuntimeException());
						return;
					}
					DaprSidecarStandIn.this.published.add(new Published(request, HEADERS.get()));
					observer.onNext(Empty.getDefaultInstance());
					observer.onCompleted();
				}
			}, headers))
			.build()
			.start();
		this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.http.createContext("/v1.0/healthz", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.http.createContext("/v1.0/invoke/", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.invoked.add(new Invoked(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					new LinkedHashMap<>(exchange.getRequestHeaders()), body));
			byte[] answer = "{\"decision\":\"approved\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.http.start();
	}

	int grpcPort() {
		return this.grpc.getPort();
	}

	int httpPort() {
		return this.http.getAddress().getPort();
	}

	@Override
	public void close() throws InterruptedException {
		this.http.stop(0);
		this.grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
	}

}
