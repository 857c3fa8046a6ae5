package dev.funcboot.actuate;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@code POST /actuator/funcboot/{name}} whose body is not JSON: a 400 problem detail (RFC 9457)
 * that says so and shows the body expected, like the endpoint's other refusals
 * ({@link FuncbootEndpointWebExtension}). Spring MVC rejects such a body before the endpoint is
 * reached, and Spring Boot's error page leaves the reason out. Other requests are left to the
 * application's own handling.
 */
final class FuncbootEndpointBodyErrors implements HandlerExceptionResolver, Ordered {

	private final Supplier<String> endpointPath;

	private final ObjectMapper mapper = new ObjectMapper();

	/**
	 * @param endpointPath the endpoint's path ({@code /actuator/funcboot} by default), or
	 * {@code null} when it is not mapped
	 */
	FuncbootEndpointBodyErrors(Supplier<String> endpointPath) {
		this.endpointPath = endpointPath;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		String path = this.endpointPath.get();
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		if (!(ex instanceof HttpMessageNotReadableException) || path == null || !uri.startsWith(path + "/")) {
			return null;
		}
		String name = uri.substring(path.length() + 1);
		Map<String, Object> problem = FuncbootEndpointWebExtension.badRequest("the body is not JSON ("
				+ firstLine(ex.getMessage()) + "); send {\"state\": \"paused\"} or {\"state\": \"resumed\"}", name);
		problem.put("instance", uri);
		try {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.mapper.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException writeFailed) {
			return null;
		}
		return new ModelAndView();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		int end = message.indexOf('\n');
		return (end >= 0) ? message.substring(0, end).trim() : message.trim();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
