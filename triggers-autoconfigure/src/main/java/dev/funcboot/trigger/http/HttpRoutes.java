package dev.funcboot.trigger.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.binding.HttpTriggerBinding;

/**
 * The route table of the HTTP functions, most specific template first. Matching is a linear
 * scan over pre-parsed templates; an application has tens of routes, not thousands.
 */
final class HttpRoutes {

	private final List<String> prefix;

	private final List<Route> routes;

	HttpRoutes(String routePrefix, List<Route> routes) {
		this.prefix = segments(routePrefix == null ? "" : routePrefix, false);
		List<Route> sorted = new ArrayList<>(routes);
		sorted.sort(Comparator.comparing((Route r) -> r.binding().route()));
		this.routes = List.copyOf(sorted);
	}

	List<Route> routes() {
		return this.routes;
	}

	boolean hasPrefix() {
		return !this.prefix.isEmpty();
	}

	/**
	 * Returns the path segments below the route prefix, or {@code null} when the path is not
	 * under it.
	 */
	List<String> belowPrefix(List<String> path) {
		if (path.size() < this.prefix.size()) {
			return null;
		}
		for (int i = 0; i < this.prefix.size(); i++) {
			if (!this.prefix.get(i).equalsIgnoreCase(path.get(i))) {
				return null;
			}
		}
		return path.subList(this.prefix.size(), path.size());
	}

	/** Finds the route for a path and method; see {@link Lookup}. */
	Lookup lookup(List<String> path, HttpMethod method) {
		Set<HttpMethod> allowed = null;
		for (Route route : this.routes) {
			Map<String, String> values = route.binding().route().match(path);
			if (values == null) {
				continue;
			}
			if (method != null && route.binding().methods().contains(method)) {
				return new Lookup(route, values, null);
			}
			if (allowed == null) {
				allowed = EnumSet.noneOf(HttpMethod.class);
			}
			allowed.addAll(route.binding().methods());
		}
		return new Lookup(null, null, allowed);
	}

	/** Splits a request path into decoded segments; a trailing slash is ignored. */
	static List<String> segments(String path, boolean decode) {
		List<String> result = new ArrayList<>(8);
		int start = 0;
		int length = path.length();
		while (start < length) {
			int slash = path.indexOf('/', start);
			int end = (slash < 0) ? length : slash;
			if (end > start) {
				String segment = path.substring(start, end);
				result.add((decode && segment.indexOf('%') >= 0 || decode && segment.indexOf('+') >= 0)
						? URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8) : segment);
			}
			start = end + 1;
		}
		return result;
	}

	/** One HTTP function's route. */
	record Route(String function, HttpTriggerBinding binding) {
	}

	/**
	 * @param route the matched route, or {@code null}
	 * @param values route values of the match
	 * @param allowedMethods when no route matched the method but some matched the path, the
	 * methods they accept (405); {@code null} when nothing matched the path (404)
	 */
	record Lookup(Route route, Map<String, String> values, Set<HttpMethod> allowedMethods) {
	}

}
