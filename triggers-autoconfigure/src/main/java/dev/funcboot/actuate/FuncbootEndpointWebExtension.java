package dev.funcboot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.lang.Nullable;

/**
 * {@code POST /actuator/funcboot/{name}} over HTTP: a request Funcboot cannot carry out (no such
 * function, no state or one other than {@code paused} or {@code resumed}, a trigger that cannot
 * pause) is a 400 whose body says why, in the fields of a problem detail (RFC 9457). Without this,
 * Actuator turns the endpoint's {@link InvalidEndpointRequestException} into Spring Boot's error
 * page, which leaves the reason out unless {@code server.error.include-message} is set.
 */
@EndpointWebExtension(endpoint = FuncbootEndpoint.class)
public class FuncbootEndpointWebExtension {

	private final FuncbootEndpoint endpoint;

	public FuncbootEndpointWebExtension(FuncbootEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> changeState(@Selector String name, @Nullable String state) {
		try {
			return new WebEndpointResponse<>(this.endpoint.changeState(name, state));
		}
		catch (InvalidEndpointRequestException ex) {
			return new WebEndpointResponse<>(badRequest(ex.getMessage(), name), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
	}

	/** The fields of a 400 problem detail about a state change of the function. */
	static Map<String, Object> badRequest(String detail, String function) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Bad Request");
		problem.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
		problem.put("detail", detail);
		problem.put("function", function);
		return problem;
	}

}
