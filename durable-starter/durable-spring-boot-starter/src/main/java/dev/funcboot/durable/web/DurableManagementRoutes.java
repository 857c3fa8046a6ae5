package dev.funcboot.durable.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.durable.OrchestrationStatus;
import dev.funcboot.durable.client.InstancePage;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.store.InstanceQuery;
import dev.funcboot.functions.InvocationIds;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.http.HttpResponseMessage;
import dev.funcboot.trigger.http.FunctionKeys;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Durable Functions HTTP management API under a base path (default
 * {@code /runtime/webhooks/durabletask}), so scripts written for Durable Functions work
 * unchanged. Every call needs a host key or the master key ({@code x-functions-key} or
 * {@code code}); errors are problem details.
 */
public final class DurableManagementRoutes {

	/** Pseudo function name for the key check: only host keys and the master key match it. */
	static final String KEY_SCOPE = "__durabletask";

	private final DurableHttpClient client;

	private final FunctionKeys keys;

	private final DurableStatusJson json;

	private final ObjectMapper mapper;

	public DurableManagementRoutes(DurableHttpClient client, FunctionKeys keys, ObjectMapper mapper) {
		this.client = client;
		this.keys = keys;
		this.mapper = mapper;
		this.json = new DurableStatusJson(mapper);
	}

	public RouterFunction<ServerResponse> routes(String basePath) {
		String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
		return RouterFunctions.route()
			.POST(base + "/orchestrators/{name}", this::start)
			.POST(base + "/orchestrators/{name}/{instanceId}", this::start)
			.GET(base + "/instances", this::list)
			.DELETE(base + "/instances", this::purgeMany)
			.GET(base + "/instances/{instanceId}", this::status)
			.DELETE(base + "/instances/{instanceId}", this::purge)
			.POST(base + "/instances/{instanceId}/raiseEvent/{eventName}", this::raiseEvent)
			.POST(base + "/instances/{instanceId}/terminate", this::terminate)
			.POST(base + "/instances/{instanceId}/suspend", this::suspend)
			.POST(base + "/instances/{instanceId}/resume", this::resume)
			.filter(authorize())
			.build();
	}

	private HandlerFilterFunction<ServerResponse, ServerResponse> authorize() {
		return (request, next) -> {
			String key = request.headers().firstHeader("x-functions-key");
			if (key == null) {
				key = request.param("code").orElse(null);
			}
			FunctionKeys.Check check = this.keys.check(AuthLevel.FUNCTION, KEY_SCOPE, key);
			if (check != FunctionKeys.Check.GRANTED) {
				return problem(request, (check == FunctionKeys.Check.FORBIDDEN) ? HttpStatus.FORBIDDEN
						: HttpStatus.UNAUTHORIZED, "The durable management API needs a host key or the master key");
			}
			try {
				return next.handle(request);
			}
			catch (IllegalArgumentException ex) {
				return problem(request, HttpStatus.BAD_REQUEST, ex.getMessage());
			}
		};
	}

	private ServerResponse start(ServerRequest request) throws Exception {
		String name = request.pathVariable("name");
		String instanceId = request.pathVariables().get("instanceId");
		Object input = body(request);
		String id;
		try {
			id = this.client.scheduleNewOrchestration(name, input, instanceId, null);
		}
		catch (IllegalArgumentException ex) {
			HttpStatus status = ex.getMessage().contains("already exists") ? HttpStatus.CONFLICT
					: HttpStatus.NOT_FOUND;
			return problem(request, status, ex.getMessage());
		}
		HttpResponseMessage response = this.client.createCheckStatusResponse(id);
		ServerResponse.BodyBuilder builder = ServerResponse.status(response.status());
		response.headers().forEach((header, values) -> builder.header(header, values.toArray(String[]::new)));
		return builder.contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

	private ServerResponse status(ServerRequest request) {
		OrchestrationMetadata instance = this.client.getInstance(request.pathVariable("instanceId"));
		if (instance == null) {
			return problem(request, HttpStatus.NOT_FOUND, "No instance '" + request.pathVariable("instanceId") + "'");
		}
		boolean showHistory = flag(request, "showHistory");
		Map<String, Object> body = this.json.status(instance, flag(request, "showInput", true),
				showHistory ? this.client.getHistory(instance.instanceId()) : null, flag(request, "showHistoryOutput"));
		HttpStatus status = switch (instance.status()) {
			case COMPLETED, TERMINATED -> HttpStatus.OK;
			case FAILED -> flag(request, "returnInternalServerErrorOnFailure") ? HttpStatus.INTERNAL_SERVER_ERROR
					: HttpStatus.OK;
			default -> HttpStatus.ACCEPTED;
		};
		ServerResponse.BodyBuilder builder = ServerResponse.status(status);
		if (status == HttpStatus.ACCEPTED) {
			builder.header("Location", request.uri().toString()).header("Retry-After", "10");
		}
		return builder.contentType(MediaType.APPLICATION_JSON).body(body);
	}

	private ServerResponse list(ServerRequest request) {
		InstancePage page = this.client.query(query(request, request.param("top").map(Integer::parseInt).orElse(100),
				request.headers().firstHeader("x-ms-continuation-token")));
		boolean showInput = flag(request, "showInput");
		List<Map<String, Object>> body = new ArrayList<>();
		for (OrchestrationMetadata instance : page.instances()) {
			body.add(this.json.status(instance, showInput, null, false));
		}
		ServerResponse.BodyBuilder builder = ServerResponse.ok();
		if (page.continuationToken() != null) {
			builder.header("x-ms-continuation-token", page.continuationToken());
		}
		return builder.contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/** Purges every ended instance matching the filters ({@code createdTimeFrom} is required, as in Durable Functions). */
	private ServerResponse purgeMany(ServerRequest request) {
		if (request.param("createdTimeFrom").isEmpty()) {
			return problem(request, HttpStatus.BAD_REQUEST,
					"Purging many instances needs createdTimeFrom (and optionally createdTimeTo, runtimeStatus)");
		}
		int deleted = 0;
		String token = null;
		List<String> ended = new ArrayList<>();
		do {
			InstancePage page = this.client.query(query(request, 500, token));
			for (OrchestrationMetadata instance : page.instances()) {
				if (!instance.isRunning()) {
					ended.add(instance.instanceId());
				}
			}
			token = page.continuationToken();
		}
		while (token != null);
		for (String id : ended) {
			if (this.client.purge(id)) {
				deleted++;
			}
		}
		if (deleted == 0) {
			return problem(request, HttpStatus.NOT_FOUND, "No ended instance matches the filters");
		}
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("instancesDeleted", deleted));
	}

	private InstanceQuery query(ServerRequest request, int pageSize, String token) {
		Set<OrchestrationStatus> statuses = null;
		String runtimeStatus = request.param("runtimeStatus").orElse(null);
		if (runtimeStatus != null && !runtimeStatus.isBlank()) {
			statuses = EnumSet.noneOf(OrchestrationStatus.class);
			for (String value : runtimeStatus.split(",")) {
				statuses.add(OrchestrationStatus.fromDisplayName(value.trim()));
			}
		}
		return new InstanceQuery(statuses, request.param("instanceIdPrefix").orElse(null),
				time(request, "createdTimeFrom"), time(request, "createdTimeTo"), pageSize, token);
	}

	private ServerResponse purge(ServerRequest request) {
		String id = request.pathVariable("instanceId");
		OrchestrationMetadata instance = this.client.getInstance(id);
		if (instance == null) {
			return problem(request, HttpStatus.NOT_FOUND, "No instance '" + id + "'");
		}
		if (!this.client.purge(id)) {
			return problem(request, HttpStatus.CONFLICT, "Instance '" + id + "' is " + instance.status().displayName()
					+ "; only ended instances can be purged (terminate it first)");
		}
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("instancesDeleted", 1));
	}

	private ServerResponse raiseEvent(ServerRequest request) throws Exception {
		String id = request.pathVariable("instanceId");
		ServerResponse rejected = requireRunning(request, id);
		if (rejected != null) {
			return rejected;
		}
		this.client.raiseEvent(id, request.pathVariable("eventName"), body(request));
		return ServerResponse.accepted().build();
	}

	private ServerResponse terminate(ServerRequest request) {
		return lifecycle(request, this.client::terminate);
	}

	private ServerResponse suspend(ServerRequest request) {
		return lifecycle(request, this.client::suspend);
	}

	private ServerResponse resume(ServerRequest request) {
		return lifecycle(request, this.client::resume);
	}

	/** Terminate, suspend or resume a running instance, with the optional {@code reason}. */
	private ServerResponse lifecycle(ServerRequest request, java.util.function.BiConsumer<String, String> action) {
		String id = request.pathVariable("instanceId");
		ServerResponse rejected = requireRunning(request, id);
		if (rejected != null) {
			return rejected;
		}
		action.accept(id, request.param("reason").orElse(null));
		return ServerResponse.accepted().build();
	}

	/** 404 for an unknown instance, 410 Gone for an ended one (as Durable Functions answers). */
	private ServerResponse requireRunning(ServerRequest request, String id) {
		OrchestrationMetadata instance = this.client.getInstance(id);
		if (instance == null) {
			return problem(request, HttpStatus.NOT_FOUND, "No instance '" + id + "'");
		}
		if (!instance.isRunning()) {
			return problem(request, HttpStatus.GONE,
					"Instance '" + id + "' has ended (" + instance.status().displayName() + ")");
		}
		return null;
	}

	private Object body(ServerRequest request) throws Exception {
		String text = request.body(String.class);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return this.mapper.readTree(text);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("The body is not JSON: " + ex.getMessage());
		}
	}

	private static boolean flag(ServerRequest request, String name) {
		return flag(request, name, false);
	}

	private static boolean flag(ServerRequest request, String name, boolean defaultValue) {
		return request.param(name).map(Boolean::parseBoolean).orElse(defaultValue);
	}

	private static Instant time(ServerRequest request, String name) {
		String value = request.param(name).orElse(null);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
		}
	}

	static ServerResponse problem(ServerRequest request, HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(request.uri());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("correlationId", InvocationIds.next());
		problem.setProperties(properties);
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
