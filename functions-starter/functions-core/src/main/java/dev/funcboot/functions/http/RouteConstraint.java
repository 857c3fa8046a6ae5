package dev.funcboot.functions.http;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A constraint on a route parameter: {@code int}, {@code long}, {@code bool}, {@code double},
 * {@code float}, {@code decimal}, {@code guid}, {@code datetime}, {@code alpha},
 * {@code minlength(n)}, {@code maxlength(n)}, {@code length(n)}, {@code length(min,max)},
 * {@code min(n)}, {@code max(n)}, {@code range(min,max)}, {@code regex(expression)}.
 */
@FunctionalInterface
interface RouteConstraint {

	boolean accepts(String value);

	static RouteConstraint parse(String spec, String template) {
		String name = spec;
		String argument = null;
		int open = spec.indexOf('(');
		if (open >= 0) {
			if (!spec.endsWith(")")) {
				throw new IllegalArgumentException("Route '" + template + "': constraint '" + spec + "' misses ')'");
			}
			name = spec.substring(0, open);
			argument = spec.substring(open + 1, spec.length() - 1);
		}
		try {
			return switch (name.toLowerCase(java.util.Locale.ROOT)) {
				case "int" -> (v) -> parses(() -> Integer.parseInt(v));
				case "long" -> (v) -> parses(() -> Long.parseLong(v));
				case "bool" -> (v) -> "true".equalsIgnoreCase(v) || "false".equalsIgnoreCase(v);
				case "double", "float" -> (v) -> parses(() -> Double.parseDouble(v)) && !v.endsWith("d")
						&& !v.endsWith("f") && !v.endsWith("D") && !v.endsWith("F");
				case "decimal" -> (v) -> parses(() -> new BigDecimal(v));
				case "guid" -> (v) -> v.length() == 36 && parses(() -> UUID.fromString(v));
				case "datetime" -> (v) -> parses(() -> OffsetDateTime.parse(v)) || parses(() -> LocalDateTime.parse(v))
						|| parses(() -> LocalDate.parse(v));
				case "alpha" -> (v) -> v.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
				case "minlength" -> minLength(Integer.parseInt(require(argument, spec, template).trim()));
				case "maxlength" -> maxLength(Integer.parseInt(require(argument, spec, template).trim()));
				case "length" -> length(require(argument, spec, template));
				case "min" -> min(Long.parseLong(require(argument, spec, template).trim()));
				case "max" -> max(Long.parseLong(require(argument, spec, template).trim()));
				case "range" -> range(require(argument, spec, template));
				case "regex" -> regex(require(argument, spec, template));
				default -> throw new IllegalArgumentException("Route '" + template + "': unknown constraint '" + name
						+ "'; use int, long, bool, double, float, decimal, guid, datetime, alpha, minlength(n), "
						+ "maxlength(n), length(n), min(n), max(n), range(a,b) or regex(expr)");
			};
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"Route '" + template + "': constraint '" + spec + "' needs a numeric argument", ex);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Route '" + template + "': constraint '" + spec
					+ "' is not a valid regular expression: " + ex.getDescription(), ex);
		}
	}

	private static String require(String argument, String spec, String template) {
		if (argument == null || argument.isBlank()) {
			throw new IllegalArgumentException("Route '" + template + "': constraint '" + spec + "' needs an argument");
		}
		return argument;
	}

	private static RouteConstraint minLength(int min) {
		return (v) -> v.length() >= min;
	}

	private static RouteConstraint maxLength(int max) {
		return (v) -> v.length() <= max;
	}

	private static RouteConstraint length(String argument) {
		String[] bounds = argument.split(",");
		int min = Integer.parseInt(bounds[0].trim());
		int max = (bounds.length > 1) ? Integer.parseInt(bounds[1].trim()) : min;
		return (v) -> v.length() >= min && v.length() <= max;
	}

	private static RouteConstraint min(long min) {
		return (v) -> {
			Long n = asLong(v);
			return n != null && n >= min;
		};
	}

	private static RouteConstraint max(long max) {
		return (v) -> {
			Long n = asLong(v);
			return n != null && n <= max;
		};
	}

	private static RouteConstraint range(String argument) {
		String[] bounds = argument.split(",");
		if (bounds.length != 2) {
			throw new NumberFormatException("range needs two bounds");
		}
		long min = Long.parseLong(bounds[0].trim());
		long max = Long.parseLong(bounds[1].trim());
		return (v) -> {
			Long n = asLong(v);
			return n != null && n >= min && n <= max;
		};
	}

	private static RouteConstraint regex(String expression) {
		Pattern pattern = Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
		return (v) -> pattern.matcher(v).find();
	}

	private static Long asLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean parses(ThrowingParser parser) {
		try {
			parser.parse();
			return true;
		}
		catch (DateTimeParseException | IllegalArgumentException ex) {
			return false;
		}
	}

	@FunctionalInterface
	interface ThrowingParser {

		Object parse();

	}

}
