package dev.funcboot.functions.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.annotation.HttpMethod;

/**
 * The whole HTTP request, for functions that need more than the bound body: declare the
 * function as {@code Function<HttpRequestMessage<Order>, HttpResponseMessage>}.
 *
 * @param <T> the type the JSON body is decoded into ({@code String}, {@code byte[]},
 * {@code Void} for no body, or a JSON-mapped type)
 */
public interface HttpRequestMessage<T> {

	HttpMethod getHttpMethod();

	URI getUri();

	/** Header values by lower-case name. */
	Map<String, List<String>> getHeaders();

	/** The first value of a header, case-insensitive, or {@code null}. */
	String getHeader(String name);

	/** The first value of each query parameter. */
	Map<String, String> getQueryParameters();

	/** Route parameter values by name. */
	Map<String, String> getRouteValues();

	/** The decoded body, or {@code null} when the request has none. */
	T getBody();

	/** The invocation this request belongs to. */
	InvocationContext getContext();

	/** Starts a response with the given status. */
	default HttpResponseMessage.Builder createResponseBuilder(int status) {
		return HttpResponseMessage.status(status);
	}

}
