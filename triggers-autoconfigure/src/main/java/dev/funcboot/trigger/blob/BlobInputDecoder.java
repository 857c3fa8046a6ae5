package dev.funcboot.trigger.blob;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.JsonInputErrors;
import dev.funcboot.functions.InputConversionException;
import dev.funcboot.functions.blob.BlobInput;

/**
 * Decodes a blob's content into a blob function's input: the bytes for {@code byte[]}, UTF-8 text
 * for {@code String}, the open stream for {@code InputStream}, JSON for anything else, with the
 * path values bound into the properties of a JSON object type of those names (path values win over
 * the content, as route values do for HTTP); optionally wrapped in a {@link BlobInput}. Content
 * that does not fit the type fails with an {@link InputConversionException} naming the field, which
 * makes the blob poison at once.
 */
final class BlobInputDecoder {

	enum Kind {

		BYTES, TEXT, STREAM, JSON

	}

	private final ObjectMapper mapper;

	private final boolean wrapped;

	private final Kind kind;

	private final JavaType bodyType;

	private final ObjectReader reader;

	private final Set<String> bindable;

	/**
	 * @param function the function's name, for errors
	 * @param input the function's input type, {@code null} for a supplier (which cannot take blobs)
	 */
	BlobInputDecoder(String function, Type input, ObjectMapper mapper) {
		if (input == null) {
			throw new IllegalStateException("Blob function '" + function + "' takes no input; declare it as a "
					+ "Consumer<T> or Function<T, R> of byte[], String, InputStream, BlobInput<T> or a JSON type");
		}
		this.mapper = mapper;
		this.wrapped = BlobInput.class.equals(FunctionHandle.rawClass(input));
		Type body = this.wrapped ? typeArgument(input) : input;
		Class<?> bodyClass = FunctionHandle.rawClass(body);
		if (bodyClass == byte[].class) {
			this.kind = Kind.BYTES;
		}
		else if (bodyClass == String.class) {
			this.kind = Kind.TEXT;
		}
		else if (bodyClass == InputStream.class) {
			this.kind = Kind.STREAM;
		}
		else {
			this.kind = Kind.JSON;
		}
		this.bodyType = mapper.constructType(body);
		this.reader = (this.kind == Kind.JSON) ? mapper.readerFor(this.bodyType) : null;
		this.bindable = (this.kind == Kind.JSON) ? bindableProperties(mapper, this.bodyType) : Set.of();
	}

	Kind kind() {
		return this.kind;
	}

	/** Whether the function reads the content as a stream (else it gets it downloaded in memory). */
	boolean streams() {
		return this.kind == Kind.STREAM;
	}

	/**
	 * The function's input.
	 * @param content {@code byte[]}, or an {@code InputStream} when {@link #streams()}
	 */
	Object decode(Object content, BlobVersion version) {
		Object body = decodeBody(content, version.pathValues());
		if (!this.wrapped) {
			return body;
		}
		return new BlobInput<>(body, version.container(), version.name(), version.pathValues(), version.quotedEtag(),
				version.contentType(), version.length(), version.lastModified());
	}

	private Object decodeBody(Object content, Map<String, String> pathValues) {
		switch (this.kind) {
			case STREAM:
				return content;
			case BYTES:
				return content;
			case TEXT:
				return new String((byte[]) content, StandardCharsets.UTF_8);
			default:
				return decodeJson((byte[]) content, pathValues);
		}
	}

	private Object decodeJson(byte[] content, Map<String, String> pathValues) {
		if (content.length == 0) {
			throw new InputConversionException(null,
					"The blob is empty, but the function expects JSON of type " + this.bodyType.toCanonical(), null);
		}
		try {
			if (this.bindable.isEmpty() || pathValues.keySet().stream().noneMatch(this.bindable::contains)) {
				return this.reader.readValue(content);
			}
			JsonNode node = this.mapper.readTree(content);
			if (!(node instanceof ObjectNode object)) {
				throw new InputConversionException(null, "Expected a JSON object for "
						+ this.bodyType.getRawClass().getSimpleName() + ", but the blob holds a JSON "
						+ node.getNodeType().name().toLowerCase(java.util.Locale.ROOT), null);
			}
			pathValues.forEach((name, value) -> {
				if (this.bindable.contains(name)) {
					object.put(name, value);
				}
			});
			return this.reader.readValue(object);
		}
		catch (JsonProcessingException ex) {
			throw JsonInputErrors.of(ex);
		}
		catch (IOException ex) {
			throw new InputConversionException(null, "Unreadable blob: " + ex.getMessage(), ex);
		}
	}

	private static Set<String> bindableProperties(ObjectMapper mapper, JavaType type) {
		Class<?> raw = type.getRawClass();
		if (type.isContainerType() || type.isArrayType() || raw.isPrimitive() || raw.isEnum()
				|| raw.getName().startsWith("java.") || JsonNode.class.isAssignableFrom(raw)
				|| Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
			return Set.of();
		}
		Set<String> names = new HashSet<>();
		for (BeanPropertyDefinition property : mapper.getDeserializationConfig().introspect(type).findProperties()) {
			names.add(property.getName());
		}
		return Set.copyOf(names);
	}

	private static Type typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return byte[].class;
	}

}
