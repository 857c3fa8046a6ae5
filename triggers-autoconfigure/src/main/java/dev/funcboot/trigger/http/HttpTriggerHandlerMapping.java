package dev.funcboot.trigger.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.annotation.HttpMethod;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Maps requests under the route prefix to HTTP functions, and the key admin API. Ordered after
 * Actuator's endpoints and before {@code @RequestMapping} controllers. Under a non-empty route
 * prefix it answers unmatched paths itself (404/405 problem details); with an empty prefix it
 * lets other handlers try.
 */
public class HttpTriggerHandlerMapping extends AbstractHandlerMapping {

	/** Order: after Actuator's endpoint mappings (-100), before {@code @RequestMapping} (0). */
	public static final int ORDER = -10;

	private final HttpRoutes routes;

	private final Map<String, HttpFunctionHandler> handlers;

	private final KeysAdminHandler admin;

	private final ProblemResponses problems;

	HttpTriggerHandlerMapping(HttpRoutes routes, Map<String, HttpFunctionHandler> handlers, KeysAdminHandler admin,
			ProblemResponses problems) {
		this.routes = routes;
		this.handlers = handlers;
		this.admin = admin;
		this.problems = problems;
		setOrder(ORDER);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		List<String> segments = HttpRoutes.segments(path, true);
		if (this.admin != null && this.admin.matches(segments)) {
			return this.admin;
		}
		List<String> below = this.routes.belowPrefix(segments);
		if (below == null) {
			return null;
		}
		HttpMethod method = method(request.getMethod());
		HttpRoutes.Lookup lookup = this.routes.lookup(below, method);
		if (lookup.route() != null) {
			request.setAttribute(HttpFunctionHandler.ROUTE_VALUES_ATTRIBUTE, lookup.values());
			request.setAttribute(HttpFunctionHandler.METHOD_ATTRIBUTE, method);
			return this.handlers.get(lookup.route().function());
		}
		if (lookup.allowedMethods() != null) {
			return methodNotAllowed(lookup.allowedMethods());
		}
		return this.routes.hasPrefix() ? notFound() : null;
	}

	private HttpRequestHandler methodNotAllowed(Set<HttpMethod> allowed) {
		String allow = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
		return (request, response) -> {
			response.setHeader("Allow", allow);
			this.problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED,
					"Method " + request.getMethod() + " is not allowed here; use " + allow, InvocationIds.next(), null);
		};
	}

	private HttpRequestHandler notFound() {
		return (request, response) -> writeNotFound(request, response);
	}

	private void writeNotFound(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
			throws IOException {
		this.problems.write(request, response, HttpStatus.NOT_FOUND, "No function route matches this path",
				InvocationIds.next(), null);
	}

	private static HttpMethod method(String name) {
		try {
			return HttpMethod.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
