package dev.funcboot.trigger.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.annotation.AuthLevel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;

/**
 * The key admin API, in the shape of Azure Functions' host API; every call needs the master
 * key.
 *
 * <pre>
 * GET    {admin}/host/keys                      list host keys
 * PUT    {admin}/host/keys/{name}               set a host key   body {"value": "..."}
 * POST   {admin}/host/keys/{name}               create or rotate a host key (generated value)
 * DELETE {admin}/host/keys/{name}               delete a host key
 * POST   {admin}/host/keys/_master              rotate the master key (PUT to set a value)
 * GET    {admin}/functions/{function}/keys      list a function's keys
 * PUT|POST|DELETE {admin}/functions/{function}/keys/{name}
 * </pre>
 */
final class KeysAdminHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(KeysAdminHandler.class);

	private static final String MASTER = "_master";

	private final List<String> base;

	private final FunctionKeys keys;

	private final FunctionBindingRegistry registry;

	private final ObjectMapper mapper;

	private final ProblemResponses problems;

	KeysAdminHandler(String adminPath, FunctionKeys keys, FunctionBindingRegistry registry, ObjectMapper mapper,
			ProblemResponses problems) {
		this.base = HttpRoutes.segments(adminPath, false);
		this.keys = keys;
		this.registry = registry;
		this.mapper = mapper;
		this.problems = problems;
	}

	boolean matches(List<String> path) {
		if (path.size() <= this.base.size()) {
			return false;
		}
		for (int i = 0; i < this.base.size(); i++) {
			if (!this.base.get(i).equalsIgnoreCase(path.get(i))) {
				return false;
			}
		}
		String area = path.get(this.base.size());
		return area.equals("host") || area.equals("functions");
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String correlationId = InvocationIds.next();
		String key = request.getHeader(HttpFunctionHandler.KEY_HEADER);
		if (key == null) {
			key = QueryString.parse(request.getQueryString()).get(HttpFunctionHandler.KEY_PARAMETER);
		}
		FunctionKeys.Check check = this.keys.check(AuthLevel.ADMIN, "", key);
		if (check != FunctionKeys.Check.GRANTED) {
			HttpStatus status = (check == FunctionKeys.Check.FORBIDDEN) ? HttpStatus.FORBIDDEN
					: HttpStatus.UNAUTHORIZED;
			this.problems.write(request, response, status, "The key admin API requires the master key",
					correlationId, null);
			return;
		}
		String uri = request.getRequestURI();
		List<String> path = HttpRoutes.segments(uri.substring(request.getContextPath().length()), true);
		List<String> rest = path.subList(this.base.size(), path.size());
		String method = request.getMethod();
		try {
			if (rest.size() >= 2 && rest.get(0).equals("host") && rest.get(1).equals("keys")) {
				host(request, response, rest.subList(2, rest.size()), method, correlationId);
			}
			else if (rest.size() >= 3 && rest.get(0).equals("functions") && rest.get(2).equals("keys")) {
				String function = rest.get(1);
				if (this.registry.get(function) == null) {
					this.problems.write(request, response, HttpStatus.NOT_FOUND,
							"No function named '" + function + "'", correlationId, null);
					return;
				}
				function(request, response, function, rest.subList(3, rest.size()), method, correlationId);
			}
			else {
				this.problems.write(request, response, HttpStatus.NOT_FOUND, "Unknown admin path", correlationId, null);
			}
		}
		catch (IllegalArgumentException ex) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, ex.getMessage(), correlationId, null);
		}
	}

	private void host(HttpServletRequest request, HttpServletResponse response, List<String> rest, String method,
			String correlationId) throws IOException {
		if (rest.isEmpty()) {
			if (!method.equals("GET")) {
				notAllowed(request, response, "GET", correlationId);
				return;
			}
			writeKeys(response, this.keys.hostKeys());
			return;
		}
		String name = rest.get(0);
		if (name.equals(MASTER)) {
			switch (method) {
				case "GET" -> writeKey(response, 200, MASTER, this.keys.masterKey());
				case "POST", "PUT" -> {
					String value = this.keys.rotateMaster(method.equals("PUT") ? valueOf(request) : null);
					logger.info("Master key rotated through the admin API");
					writeKey(response, 200, MASTER, value);
				}
				default -> notAllowed(request, response, "GET, PUT, POST", correlationId);
			}
			return;
		}
		switch (method) {
			case "GET" -> {
				String value = this.keys.hostKeys().get(name);
				if (value == null) {
					this.problems.write(request, response, HttpStatus.NOT_FOUND, "No host key named '" + name + "'",
							correlationId, null);
					return;
				}
				writeKey(response, 200, name, value);
			}
			case "PUT", "POST" -> {
				boolean existed = this.keys.hostKeys().containsKey(name);
				String value = this.keys.putHostKey(name, method.equals("PUT") ? valueOf(request) : null);
				logger.info("Host key '" + name + "' " + (existed ? "rotated" : "created") + " through the admin API");
				writeKey(response, existed ? 200 : 201, name, value);
			}
			case "DELETE" -> deleted(request, response, this.keys.deleteHostKey(name), "host key '" + name + "'",
					correlationId);
			default -> notAllowed(request, response, "GET, PUT, POST, DELETE", correlationId);
		}
	}

	private void function(HttpServletRequest request, HttpServletResponse response, String function,
			List<String> rest, String method, String correlationId) throws IOException {
		if (rest.isEmpty()) {
			if (!method.equals("GET")) {
				notAllowed(request, response, "GET", correlationId);
				return;
			}
			writeKeys(response, this.keys.functionKeys(function));
			return;
		}
		String name = rest.get(0);
		switch (method) {
			case "GET" -> {
				String value = this.keys.functionKeys(function).get(name);
				if (value == null) {
					this.problems.write(request, response, HttpStatus.NOT_FOUND,
							"Function '" + function + "' has no key named '" + name + "'", correlationId, null);
					return;
				}
				writeKey(response, 200, name, value);
			}
			case "PUT", "POST" -> {
				boolean existed = this.keys.functionKeys(function).containsKey(name);
				String value = this.keys.putFunctionKey(function, name,
						method.equals("PUT") ? valueOf(request) : null);
				logger.info("Key '" + name + "' of function '" + function + "' " + (existed ? "rotated" : "created")
						+ " through the admin API");
				writeKey(response, existed ? 200 : 201, name, value);
			}
			case "DELETE" -> deleted(request, response, this.keys.deleteFunctionKey(function, name),
					"key '" + name + "' of function '" + function + "'", correlationId);
			default -> notAllowed(request, response, "GET, PUT, POST, DELETE", correlationId);
		}
	}

	private String valueOf(HttpServletRequest request) throws IOException {
		JsonNode body;
		try {
			body = this.mapper.readTree(request.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("The body must be JSON like {\"value\": \"...\"}");
		}
		JsonNode value = (body != null) ? body.get("value") : null;
		if (value == null || !value.isTextual()) {
			throw new IllegalArgumentException("The body must be JSON like {\"value\": \"...\"}; POST generates one");
		}
		return value.asText();
	}

	private void deleted(HttpServletRequest request, HttpServletResponse response, boolean removed, String what,
			String correlationId) throws IOException {
		if (removed) {
			logger.info("Deleted " + what + " through the admin API");
			response.setStatus(204);
		}
		else {
			this.problems.write(request, response, HttpStatus.NOT_FOUND, "No " + what, correlationId, null);
		}
	}

	private void notAllowed(HttpServletRequest request, HttpServletResponse response, String allow,
			String correlationId) throws IOException {
		response.setHeader("Allow", allow);
		this.problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Use " + allow, correlationId, null);
	}

	private void writeKeys(HttpServletResponse response, Map<String, String> keys) throws IOException {
		List<Map<String, String>> list = new ArrayList<>();
		keys.forEach((name, value) -> list.add(entry(name, value)));
		write(response, 200, Map.of("keys", list));
	}

	private void writeKey(HttpServletResponse response, int status, String name, String value) throws IOException {
		write(response, status, entry(name, value));
	}

	private void write(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("application/json");
		this.mapper.writeValue(response.getOutputStream(), body);
	}

	private static Map<String, String> entry(String name, String value) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("name", name);
		map.put("value", value);
		return map;
	}

}
