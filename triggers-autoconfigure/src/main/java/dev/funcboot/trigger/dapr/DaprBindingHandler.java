package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.HttpRequestHandler;

/**
 * Receives an input binding's events from the sidecar: {@code OPTIONS <route>} (the sidecar asks
 * at start-up whether the application listens) answers 200, {@code POST <route>} runs the
 * function with the body as input and the request headers (the binding's metadata) in the
 * trigger metadata. Answers 200 when done, 500 (problem details) for a retryable failure and 400
 * for poison input; the component decides whether an error redelivers the event.
 */
final class DaprBindingHandler implements HttpRequestHandler {

	private static final Set<String> NOT_METADATA = Set.of("content-length", "host", "connection",
			"accept-encoding", "user-agent", "dapr-api-token", "authorization", "traceparent", "tracestate",
			"grpc-trace-bin");

	private final DaprFunctionRunner runner;

	private final DaprBindingTriggerBinding trigger;

	private final DaprDeliveryCounts counts;

	private final ObjectMapper mapper;

	private final long maxBytes;

	DaprBindingHandler(DaprFunctionRunner runner, DaprDeliveryCounts counts, ObjectMapper mapper, long maxBytes) {
		this.runner = runner;
		this.trigger = (DaprBindingTriggerBinding) runner.binding().trigger();
		this.counts = counts;
		this.mapper = mapper;
		this.maxBytes = maxBytes;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			response.setHeader("Allow", "OPTIONS, POST");
			response.setStatus(HttpServletResponse.SC_OK);
			return;
		}
		if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
			response.setHeader("Allow", "OPTIONS, POST");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		byte[] body = DaprRequests.body(request, this.maxBytes);
		if (body == null) {
			String reason = "The request is larger than funcboot.dapr.max-event-size (" + this.maxBytes + " bytes)";
			this.counts.recordDrop(this.runner.binding().name(), DaprDeliveryCounts.REJECTED, reason);
			problem(response, 413, "Content Too Large",
					new DaprFunctionRunner.Settlement(DaprFunctionRunner.Ending.POISON, reason,
							InvocationIds.next()));
			return;
		}
		Map<String, Object> metadata = DaprRequests.metadata(request);
		metadata.put("binding", this.trigger.name());
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			if (!NOT_METADATA.contains(name.toLowerCase(Locale.ROOT))) {
				headers.put(name, request.getHeader(name));
			}
		}
		metadata.put("headers", headers);
		String contentType = request.getContentType();
		DaprFunctionRunner.Settlement settlement = this.runner.run(() -> DaprEvent.parse(body, contentType,
				this.mapper), metadata);
		String function = this.runner.binding().name();
		switch (settlement.ending()) {
			case DONE -> {
				this.counts.record(function, DaprDeliveryCounts.SUCCESS);
				response.setStatus(HttpServletResponse.SC_OK);
			}
			case POISON -> {
				this.counts.recordDrop(function, DaprDeliveryCounts.REJECTED, settlement.reason());
				problem(response, 400, "Bad Request", settlement);
			}
			default -> {
				this.counts.record(function, DaprDeliveryCounts.FAILED);
				problem(response, 500, "Internal Server Error", settlement);
			}
		}
	}

	private void problem(HttpServletResponse response, int status, String title,
			DaprFunctionRunner.Settlement settlement) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		// a poison reason names the offending field, never the payload; a failure's message stays in the log
		problem.put("detail", (status != 500) ? settlement.reason()
				: "Function '" + this.runner.binding().name() + "' failed; see the log for invocation "
						+ settlement.invocationId());
		problem.put("correlationId", settlement.invocationId());
		response.setStatus(status);
		response.setHeader("X-Correlation-Id", settlement.invocationId());
		response.setContentType("application/problem+json");
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
