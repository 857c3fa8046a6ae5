package dev.funcboot.functions.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A route template in the syntax Azure Functions uses: literal segments, parameters
 * {@code {id}}, constrained parameters {@code {id:int}}, {@code {name:alpha:maxlength(8)}},
 * optional trailing parameters {@code {page:int?}} and a trailing catch-all {@code {*path}}.
 * Literals match case-insensitively. Immutable and thread-safe.
 */
public final class RouteTemplate implements Comparable<RouteTemplate> {

	private final String template;

	private final List<Segment> segments;

	private final int requiredSegments;

	private final boolean catchAll;

	private RouteTemplate(String template, List<Segment> segments) {
		this.template = template;
		this.segments = segments;
		int required = 0;
		for (Segment segment : segments) {
			if (!segment.optional && !segment.catchAll) {
				required++;
			}
		}
		this.requiredSegments = required;
		this.catchAll = !segments.isEmpty() && segments.get(segments.size() - 1).catchAll;
	}

	/**
	 * Parses a template.
	 * @throws IllegalArgumentException naming the offending segment, for a malformed template
	 */
	public static RouteTemplate parse(String template) {
		String trimmed = trimSlashes(template);
		List<Segment> segments = new ArrayList<>();
		if (!trimmed.isEmpty()) {
			for (String raw : splitSegments(trimmed, template)) {
				segments.add(Segment.parse(raw, template));
			}
		}
		boolean sawOptional = false;
		for (int i = 0; i < segments.size(); i++) {
			Segment segment = segments.get(i);
			if (segment.catchAll && i != segments.size() - 1) {
				throw new IllegalArgumentException("Route '" + template + "': the catch-all parameter {*"
						+ segment.name + "} must be the last segment");
			}
			if (sawOptional && !segment.optional && !segment.catchAll) {
				throw new IllegalArgumentException("Route '" + template + "': segment '" + segment.raw
						+ "' follows an optional parameter; only optional parameters may follow one");
			}
			sawOptional |= segment.optional;
		}
		List<String> names = new ArrayList<>();
		for (Segment segment : segments) {
			if (segment.name != null) {
				if (names.contains(segment.name.toLowerCase(Locale.ROOT))) {
					throw new IllegalArgumentException(
							"Route '" + template + "': parameter '" + segment.name + "' appears twice");
				}
				names.add(segment.name.toLowerCase(Locale.ROOT));
			}
		}
		return new RouteTemplate(template, Collections.unmodifiableList(segments));
	}

	/** The template as written. */
	public String template() {
		return this.template;
	}

	/** Parameter names in order. */
	public List<String> parameterNames() {
		List<String> names = new ArrayList<>();
		for (Segment segment : this.segments) {
			if (segment.name != null) {
				names.add(segment.name);
			}
		}
		return names;
	}

	/**
	 * Matches decoded path segments (below the route prefix).
	 * @return parameter values by name (absent optional parameters are left out), or
	 * {@code null} when the path does not match
	 */
	public Map<String, String> match(List<String> path) {
		int count = path.size();
		if (count < this.requiredSegments || (!this.catchAll && count > this.segments.size())) {
			return null;
		}
		Map<String, String> values = null;
		for (int i = 0; i < this.segments.size(); i++) {
			Segment segment = this.segments.get(i);
			if (segment.catchAll) {
				if (i < count) {
					String rest = String.join("/", path.subList(i, count));
					if (!segment.accepts(rest)) {
						return null;
					}
					values = put(values, segment.name, rest);
				}
				return (values != null) ? values : Map.of();
			}
			if (i >= count) {
				// only optional segments remain (guaranteed by requiredSegments)
				break;
			}
			String value = path.get(i);
			if (segment.literal != null) {
				if (!segment.literal.equalsIgnoreCase(value)) {
					return null;
				}
			}
			else {
				if (value.isEmpty() || !segment.accepts(value)) {
					return null;
				}
				values = put(values, segment.name, value);
			}
		}
		return (values != null) ? values : Map.of();
	}

	private static Map<String, String> put(Map<String, String> values, String name, String value) {
		Map<String, String> result = (values != null) ? values : new LinkedHashMap<>(4);
		result.put(name, value);
		return result;
	}

	/**
	 * More specific templates sort first: literals before constrained parameters before plain
	 * ones before a catch-all. When one template is the other plus trailing segments, the shorter
	 * sorts first: where both can match a path, the extra segments are optional or a catch-all.
	 */
	@Override
	public int compareTo(RouteTemplate other) {
		int n = Math.min(this.segments.size(), other.segments.size());
		for (int i = 0; i < n; i++) {
			int c = Integer.compare(this.segments.get(i).precedence(), other.segments.get(i).precedence());
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(this.segments.size(), other.segments.size());
	}

	@Override
	public String toString() {
		return this.template;
	}

	static String trimSlashes(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) == '/') {
			start++;
		}
		while (end > start && value.charAt(end - 1) == '/') {
			end--;
		}
		return value.substring(start, end);
	}

	/** Splits on '/' outside braces, so regex constraints may contain braces. */
	private static List<String> splitSegments(String value, String template) {
		List<String> result = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
			}
			else if (c == '/' && depth == 0) {
				result.add(value.substring(start, i));
				start = i + 1;
			}
		}
		if (depth != 0) {
			throw new IllegalArgumentException("Route '" + template + "' has unbalanced braces");
		}
		result.add(value.substring(start));
		for (String segment : result) {
			if (segment.isEmpty()) {
				throw new IllegalArgumentException("Route '" + template + "' has an empty segment ('//')");
			}
		}
		return result;
	}

	private static final class Segment {

		final String raw;

		final String literal;

		final String name;

		final List<RouteConstraint> constraints;

		final boolean optional;

		final boolean catchAll;

		private Segment(String raw, String literal, String name, List<RouteConstraint> constraints, boolean optional,
				boolean catchAll) {
			this.raw = raw;
			this.literal = literal;
			this.name = name;
			this.constraints = constraints;
			this.optional = optional;
			this.catchAll = catchAll;
		}

		static Segment parse(String raw, String template) {
			if (!raw.startsWith("{") || !raw.endsWith("}")) {
				if (raw.indexOf('{') >= 0 || raw.indexOf('}') >= 0) {
					throw new IllegalArgumentException("Route '" + template + "': segment '" + raw
							+ "' mixes text and a parameter; a parameter must be a whole segment, e.g. 'files/{name}'");
				}
				return new Segment(raw, raw, null, List.of(), false, false);
			}
			String body = raw.substring(1, raw.length() - 1).trim();
			boolean catchAll = body.startsWith("*");
			if (catchAll) {
				body = body.substring(1);
			}
			List<String> parts = splitConstraints(body);
			String name = parts.get(0);
			boolean optional = false;
			String last = parts.get(parts.size() - 1);
			if (last.endsWith("?")) {
				optional = true;
				parts.set(parts.size() - 1, last.substring(0, last.length() - 1));
				name = parts.get(0);
			}
			if (name.isEmpty() || !name.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '_')) {
				throw new IllegalArgumentException(
						"Route '" + template + "': '" + raw + "' needs a parameter name of letters, digits or '_'");
			}
			List<RouteConstraint> constraints = new ArrayList<>();
			for (String spec : parts.subList(1, parts.size())) {
				constraints.add(RouteConstraint.parse(spec, template));
			}
			return new Segment(raw, null, name, List.copyOf(constraints), optional, catchAll);
		}

		private static List<String> splitConstraints(String body) {
			List<String> parts = new ArrayList<>();
			int depth = 0;
			int start = 0;
			for (int i = 0; i < body.length(); i++) {
				char c = body.charAt(i);
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				else if (c == ':' && depth == 0) {
					parts.add(body.substring(start, i));
					start = i + 1;
				}
			}
			parts.add(body.substring(start));
			return parts;
		}

		boolean accepts(String value) {
			for (RouteConstraint constraint : this.constraints) {
				if (!constraint.accepts(value)) {
					return false;
				}
			}
			return true;
		}

		int precedence() {
			if (this.literal != null) {
				return 0;
			}
			if (this.catchAll) {
				return 3;
			}
			return this.constraints.isEmpty() ? 2 : 1;
		}

	}

}
