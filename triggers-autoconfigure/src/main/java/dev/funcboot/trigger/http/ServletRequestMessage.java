package dev.funcboot.trigger.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.funcboot.functions.InvocationContext;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.http.HttpRequestMessage;
import jakarta.servlet.http.HttpServletRequest;

/** {@link HttpRequestMessage} over a servlet request; headers are copied on first access. */
final class ServletRequestMessage<T> implements HttpRequestMessage<T> {

	private final HttpServletRequest request;

	private final HttpMethod method;

	private final Map<String, String> query;

	private final Map<String, String> route;

	private final T body;

	private final InvocationContext context;

	private Map<String, List<String>> headers;

	ServletRequestMessage(HttpServletRequest request, HttpMethod method, Map<String, String> query,
			Map<String, String> route, T body, InvocationContext context) {
		this.request = request;
		this.method = method;
		this.query = query;
		this.route = route;
		this.body = body;
		this.context = context;
	}

	@Override
	public HttpMethod getHttpMethod() {
		return this.method;
	}

	@Override
	public URI getUri() {
		StringBuffer url = this.request.getRequestURL();
		String queryString = this.request.getQueryString();
		if (queryString != null) {
			url.append('?').append(queryString);
		}
		return URI.create(url.toString());
	}

	@Override
	public Map<String, List<String>> getHeaders() {
		if (this.headers == null) {
			Map<String, List<String>> map = new LinkedHashMap<>();
			Enumeration<String> names = this.request.getHeaderNames();
			while (names.hasMoreElements()) {
				String name = names.nextElement();
				List<String> values = new ArrayList<>();
				this.request.getHeaders(name).asIterator().forEachRemaining(values::add);
				map.put(name.toLowerCase(Locale.ROOT), Collections.unmodifiableList(values));
			}
			this.headers = Collections.unmodifiableMap(map);
		}
		return this.headers;
	}

	@Override
	public String getHeader(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public Map<String, String> getQueryParameters() {
		return this.query;
	}

	@Override
	public Map<String, String> getRouteValues() {
		return this.route;
	}

	@Override
	public T getBody() {
		return this.body;
	}

	@Override
	public InvocationContext getContext() {
		return this.context;
	}

}
