package dev.funcboot.functions.blob;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A blob path pattern in the syntax Azure Functions uses: {@code container/blob-pattern}, where the
 * container is literal and the blob pattern mixes literal text with named values, e.g.
 * {@code uploads/{name}.{ext}} or {@code invoices/{customer}/{year}/{file}.csv}. {@code {{} and
 * {@code }}} stand for literal braces. Immutable and thread-safe.
 *
 * <p>Matching, as in Azure Functions: a value matches one or more characters, slashes included
 * (so {@code uploads/{name}} matches {@code a/b/c.txt} with {@code name = a/b/c.txt}); each value
 * takes as much as it can while the rest still matches, so {@code {name}.{ext}} on
 * {@code report.2024.csv} gives {@code name = report.2024} and {@code ext = csv}. Literal text is
 * case-sensitive, like blob names. A path that is only a container ({@code uploads}) or ends with
 * a folder ({@code uploads/in/}) matches every blob under it; any other path without values
 * matches that one blob.
 */
public final class BlobPath {

	private static final Pattern CONTAINER = Pattern.compile("\\$root|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

	private final String path;

	private final String container;

	private final String blobPattern;

	/** Literal text and value names, alternating as they appear; names are wrapped in {@link Value}. */
	private final List<Object> parts;

	private final List<String> names;

	private final Pattern regex;

	private BlobPath(String path, String container, String blobPattern, List<Object> parts) {
		this.path = path;
		this.container = container;
		this.blobPattern = blobPattern;
		this.parts = List.copyOf(parts);
		List<String> names = new ArrayList<>();
		StringBuilder regex = new StringBuilder();
		for (Object part : parts) {
			if (part instanceof Value value) {
				names.add(value.name());
				regex.append("(.+)");
			}
			else {
				regex.append(Pattern.quote((String) part));
			}
		}
		if (names.isEmpty() && (blobPattern.isEmpty() || blobPattern.endsWith("/"))) {
			// a container or a folder: every blob under it
			regex.append(".*");
		}
		this.names = List.copyOf(names);
		this.regex = Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	/**
	 * Parses a path.
	 * @throws IllegalArgumentException saying what is wrong and how to write it, for a malformed path
	 */
	public static BlobPath parse(String path) {
		if (path == null || path.isBlank()) {
			throw new IllegalArgumentException("The blob path is empty; write 'container/pattern', e.g. 'uploads/{name}'");
		}
		String trimmed = path.trim();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		int slash = trimmed.indexOf('/');
		String container = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		String blobPattern = (slash < 0) ? "" : trimmed.substring(slash + 1);
		if (!CONTAINER.matcher(container).matches()) {
			throw new IllegalArgumentException("Blob path '" + path + "': container '" + container + "' is invalid: "
					+ "the path starts with a literal container name of 3 to 63 lower-case letters, digits and single "
					+ "hyphens, e.g. 'uploads/{name}'");
		}
		return new BlobPath(trimmed, container, blobPattern, parts(path, blobPattern));
	}

	private static List<Object> parts(String path, String pattern) {
		List<Object> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		Set<String> seen = new java.util.HashSet<>();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
				literal.append('{');
				i += 2;
			}
			else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
				literal.append('}');
				i += 2;
			}
			else if (c == '{') {
				int end = pattern.indexOf('}', i);
				if (end < 0) {
					throw new IllegalArgumentException("Blob path '" + path + "': '{' at " + i
							+ " is not closed; write {name} for a value or {{ for a literal brace");
				}
				String name = pattern.substring(i + 1, end).trim();
				if (!NAME.matcher(name).matches()) {
					throw new IllegalArgumentException("Blob path '" + path + "': '{" + name + "}' is not a value "
							+ "name; use letters, digits, '_' and '-', starting with a letter");
				}
				if (!seen.add(name)) {
					throw new IllegalArgumentException("Blob path '" + path + "': value {" + name
							+ "} appears twice; give each value its own name");
				}
				if (literal.isEmpty() && !parts.isEmpty()) {
					throw new IllegalArgumentException("Blob path '" + path + "': {" + name
							+ "} follows another value directly, so the split between them is ambiguous; separate "
							+ "them with literal text, e.g. {a}-{b}");
				}
				if (!literal.isEmpty()) {
					parts.add(literal.toString());
					literal.setLength(0);
				}
				parts.add(new Value(name));
				i = end + 1;
			}
			else if (c == '}') {
				throw new IllegalArgumentException("Blob path '" + path + "': '}' at " + i
						+ " closes nothing; write }} for a literal brace");
			}
			else {
				literal.append(c);
				i++;
			}
		}
		if (!literal.isEmpty()) {
			parts.add(literal.toString());
		}
		return parts;
	}

	/** The path as written, without leading slashes. */
	public String path() {
		return this.path;
	}

	/** The container the blobs are in. */
	public String container() {
		return this.container;
	}

	/** The part after the container. */
	public String blobPattern() {
		return this.blobPattern;
	}

	/** The names of the values, in order. */
	public List<String> names() {
		return this.names;
	}

	/**
	 * The literal text every matching blob name starts with: what a listing can ask the service
	 * to filter by ({@code in/} for {@code samples/in/{name}.csv}).
	 */
	public String prefix() {
		return (!this.parts.isEmpty() && this.parts.get(0) instanceof String literal) ? literal : "";
	}

	/**
	 * The values of a blob name, in pattern order, or {@code null} when the name does not match.
	 * @param blobName the blob's name within the container
	 */
	public Map<String, String> match(String blobName) {
		Matcher matcher = this.regex.matcher(blobName);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < this.names.size(); i++) {
			values.put(this.names.get(i), matcher.group(i + 1));
		}
		return Collections.unmodifiableMap(values);
	}

	/**
	 * The blob name this pattern gives for these values (for an output path).
	 * @throws IllegalArgumentException naming the value that is missing
	 */
	public String expand(Map<String, String> values) {
		StringBuilder name = new StringBuilder();
		for (Object part : this.parts) {
			if (part instanceof Value value) {
				String text = values.get(value.name());
				if (text == null) {
					throw new IllegalArgumentException("Blob path '" + this.path + "' needs the value {" + value.name()
							+ "}, but only " + values.keySet() + " are known");
				}
				name.append(text);
			}
			else {
				name.append((String) part);
			}
		}
		return name.toString();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BlobPath that && this.path.equals(that.path);
	}

	@Override
	public int hashCode() {
		return this.path.hashCode();
	}

	@Override
	public String toString() {
		return this.path;
	}

	private record Value(String name) {
	}

}
