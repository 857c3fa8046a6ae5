package dev.funcboot.functions.binding;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.http.RouteTemplate;

/**
 * @param route the parsed route template below the route prefix
 * @param methods accepted methods; never empty (all methods when none were declared)
 * @param authLevel which key callers must present
 */
public record HttpTriggerBinding(RouteTemplate route, Set<HttpMethod> methods, AuthLevel authLevel)
		implements TriggerBinding {

	public static final String TYPE = "http";

	public HttpTriggerBinding {
		Objects.requireNonNull(route, "route");
		Objects.requireNonNull(authLevel, "authLevel");
		methods = (methods == null || methods.isEmpty()) ? EnumSet.allOf(HttpMethod.class) : EnumSet.copyOf(methods);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("route", this.route.template());
		map.put("methods", this.methods);
		map.put("authLevel", this.authLevel);
		return map;
	}

}
