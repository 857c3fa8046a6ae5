package dev.funcboot.trigger.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.OutputSendException;
import dev.funcboot.autoconfigure.OutputSender;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.PoisonMessageException;
import dev.funcboot.functions.TraceContext;
import dev.funcboot.functions.RetryLaterException;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.http.HttpResponseMessage;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.InvocationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.web.HttpRequestHandler;

/**
 * Serves one HTTP function: checks the key, decodes the input, runs the pipeline and writes the
 * response or a problem detail.
 */
final class HttpFunctionHandler implements HttpRequestHandler {

	static final String KEY_HEADER = "x-functions-key";

	static final String KEY_PARAMETER = "code";

	static final String ROUTE_VALUES_ATTRIBUTE = HttpFunctionHandler.class.getName() + ".routeValues";

	static final String METHOD_ATTRIBUTE = HttpFunctionHandler.class.getName() + ".method";

	private static final Log logger = LogFactory.getLog(HttpFunctionHandler.class);

	private final FunctionBinding binding;

	private final HttpTriggerBinding trigger;

	private final FunctionHandle handle;

	private final HttpInputDecoder decoder;

	private final InvocationPipeline pipeline;

	private final FunctionKeys keys;

	private final ObjectMapper mapper;

	private final ProblemResponses problems;

	private final OutputSender outputs;

	HttpFunctionHandler(FunctionHandle handle, InvocationPipeline pipeline, FunctionKeys keys, ObjectMapper mapper,
			ProblemResponses problems, long maxBodySize, OutputSender outputs) {
		this.binding = handle.binding();
		this.trigger = (HttpTriggerBinding) this.binding.trigger();
		this.handle = handle;
		this.decoder = new HttpInputDecoder(handle, mapper, maxBodySize);
		this.pipeline = pipeline;
		this.keys = keys;
		this.mapper = mapper;
		this.problems = problems;
		this.outputs = outputs;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String invocationId = InvocationIds.next();
		Map<String, String> route = (Map<String, String>) request.getAttribute(ROUTE_VALUES_ATTRIBUTE);
		HttpMethod method = (HttpMethod) request.getAttribute(METHOD_ATTRIBUTE);
		Map<String, String> query = QueryString.parse(request.getQueryString());
		String key = request.getHeader(KEY_HEADER);
		if (key == null) {
			key = query.get(KEY_PARAMETER);
		}
		FunctionKeys.Check check = this.keys.check(this.trigger.authLevel(), this.binding.name(), key);
		if (check != FunctionKeys.Check.GRANTED) {
			rejectKey(request, response, check, invocationId);
			return;
		}
		if (request.getContentLengthLong() > 0 && !this.decoder.accepts(request.getContentType())) {
			this.problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Function '" + this.binding.name() + "' reads JSON; send Content-Type: application/json",
					invocationId, Map.of("function", this.binding.name()));
			return;
		}
		Map<String, String> bindableQuery = (key != null && query.containsKey(KEY_PARAMETER)) ? withoutKey(query)
				: query;
		InvocationContext context = InvocationContext.of(invocationId, this.binding.name(), HttpTriggerBinding.TYPE,
				metadata(request, method, route));
		InvocationResult result = this.pipeline.invoke(context, this.binding.policy(),
				(ctx) -> callAndSend(decode(request, method, bindableQuery, route, ctx)));
		response.setHeader(ProblemResponses.CORRELATION_HEADER, invocationId);
		switch (result.outcome()) {
			case SUCCESS -> writeResult(response, result.value());
			case TIMEOUT -> this.problems.write(request, response, HttpStatus.GATEWAY_TIMEOUT,
					"Function '" + this.binding.name() + "' did not complete within " + this.binding.policy().timeout(),
					invocationId, Map.of("function", this.binding.name()));
			case REJECTED -> {
				response.setHeader("Retry-After", "1");
				this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
						"Function '" + this.binding.name() + "' is at its concurrency limit of "
								+ this.binding.policy().maxConcurrency() + "; retry later",
						invocationId, Map.of("function", this.binding.name()));
			}
			default -> writeFailure(request, response, result, invocationId);
		}
	}

	private static Map<String, Object> metadata(HttpServletRequest request, HttpMethod method,
			Map<String, String> route) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("method", method.name());
		metadata.put("path", request.getRequestURI());
		metadata.put("routeValues", route);
		// continued by the pipeline when no server observation has already done so
		String traceparent = request.getHeader(TraceContext.TRACEPARENT);
		if (traceparent != null) {
			metadata.put(TraceContext.TRACEPARENT, traceparent);
			String tracestate = request.getHeader(TraceContext.TRACESTATE);
			if (tracestate != null) {
				metadata.put(TraceContext.TRACESTATE, tracestate);
			}
		}
		return metadata;
	}

	/**
	 * Calls the function and, inside the invocation, sends its result to the declared outputs:
	 * the value itself, or the body of a successful {@link HttpResponseMessage}.
	 */
	private Object callAndSend(Object input) {
		Object value = this.handle.call(input);
		Object sent = (value instanceof Message<?> message) ? message.getPayload() : value;
		if (sent instanceof HttpResponseMessage response) {
			sent = (response.status() >= 200 && response.status() < 300) ? response.body() : null;
		}
		OutputSendException.send(this.binding.name(), this.outputs, sent);
		return value;
	}

	private Object decode(HttpServletRequest request, HttpMethod method, Map<String, String> query,
			Map<String, String> route, InvocationContext context) throws IOException {
		byte[] body = this.decoder.readBody(request);
		Object decoded = this.decoder.decodeBody(body, HttpInputDecoder.charset(request), query, route);
		if (this.decoder.isRequestMessage()) {
			return new ServletRequestMessage<>(request, method, query, route, decoded, context);
		}
		return decoded;
	}

	private void rejectKey(HttpServletRequest request, HttpServletResponse response, FunctionKeys.Check check,
			String invocationId) throws IOException {
		HttpStatus status = (check == FunctionKeys.Check.FORBIDDEN) ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
		String detail = switch (check) {
			case MISSING -> "Function '" + this.binding.name() + "' requires a key in the " + KEY_HEADER
					+ " header or the '" + KEY_PARAMETER + "' query parameter";
			case FORBIDDEN -> "The key does not grant access to function '" + this.binding.name() + "' (auth level "
					+ this.trigger.authLevel().name().toLowerCase() + ")";
			default -> "The key is not valid";
		};
		this.problems.write(request, response, status, detail, invocationId, Map.of("function", this.binding.name()));
	}

	private void writeFailure(HttpServletRequest request, HttpServletResponse response, InvocationResult result,
			String invocationId) throws IOException {
		Throwable error = result.error();
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("function", this.binding.name());
		if (error instanceof HttpInputDecoder.PayloadTooLargeException) {
			this.problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, error.getMessage(), invocationId,
					extra);
			return;
		}
		if (error instanceof InputConversionException conversion) {
			if (conversion.getField() != null) {
				extra.put("field", conversion.getField());
			}
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, conversion.getMessage(), invocationId,
					extra);
			return;
		}
		if (error instanceof OutputSendException) {
			logger.error("Function '" + this.binding.name() + "' could not send its outputs (invocation "
					+ invocationId + ")", error);
			response.setHeader("Retry-After", "5");
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Function '" + this.binding.name()
					+ "' could not send its result to its outputs; retry later (invocation " + invocationId + ")",
					invocationId, extra);
			return;
		}
		RetryLaterException retryLater = RetryLaterException.find(error);
		if (retryLater != null) {
			response.setHeader("Retry-After", String.valueOf(retryLater.retryAfterSeconds()));
			HttpStatus status = (retryLater.reason() == RetryLaterException.Reason.OVERLOADED)
					? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
			this.problems.write(request, response, status, retryLater.getMessage(), invocationId, extra);
			return;
		}
		PoisonMessageException poison = poisonCause(error);
		if (poison != null) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, poison.getMessage(), invocationId, extra);
			return;
		}
		logger.error("Function '" + this.binding.name() + "' failed (invocation " + invocationId + ")", error);
		this.problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR,
				"Function '" + this.binding.name() + "' failed; find invocation " + invocationId + " in the logs",
				invocationId, extra);
	}

	private void writeResult(HttpServletResponse response, Object value) throws IOException {
		if (value instanceof Message<?> message) {
			value = message.getPayload();
		}
		if (value instanceof HttpResponseMessage message) {
			response.setStatus(message.status());
			for (Map.Entry<String, List<String>> header : message.headers().entrySet()) {
				for (String headerValue : header.getValue()) {
					response.addHeader(header.getKey(), headerValue);
				}
			}
			writeBody(response, message.body(), message.status());
			return;
		}
		if (value == null) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		// sent on to outputs: accepted for processing, the body says what was sent
		int status = this.binding.outputs().isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_ACCEPTED;
		response.setStatus(status);
		writeBody(response, value, status);
	}

	private void writeBody(HttpServletResponse response, Object body, int status) throws IOException {
		if (body == null) {
			return;
		}
		String contentType = response.getContentType();
		if (body instanceof byte[] bytes) {
			response.setContentType((contentType != null) ? contentType : "application/octet-stream");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
		else if (body instanceof String text && (contentType == null || !contentType.contains("json"))) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			response.setContentType((contentType != null) ? contentType : "text/plain;charset=UTF-8");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
		else {
			byte[] bytes = this.mapper.writeValueAsBytes(body);
			response.setContentType((contentType != null) ? contentType : "application/json");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}
	}

	private static PoisonMessageException poisonCause(Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof PoisonMessageException poison) {
				return poison;
			}
		}
		return null;
	}

	private static Map<String, String> withoutKey(Map<String, String> query) {
		Map<String, String> copy = new LinkedHashMap<>(query);
		copy.remove(KEY_PARAMETER);
		return copy;
	}

}
