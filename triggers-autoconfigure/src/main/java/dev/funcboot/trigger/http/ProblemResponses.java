package dev.funcboot.trigger.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * Writes RFC 7807 problem details ({@code application/problem+json}) with a correlation id,
 * never a stack trace.
 */
final class ProblemResponses {

	static final String CORRELATION_HEADER = "X-Correlation-Id";

	private final ObjectMapper mapper;

	ProblemResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			String correlationId, Map<String, Object> extra) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		body.put("correlationId", correlationId);
		if (extra != null) {
			body.putAll(extra);
		}
		response.setStatus(status.value());
		response.setHeader(CORRELATION_HEADER, correlationId);
		response.setContentType("application/problem+json");
		this.mapper.writeValue(response.getOutputStream(), body);
	}

}
