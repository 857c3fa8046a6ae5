package dev.funcboot.trigger.http;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
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
import dev.funcboot.functions.http.HttpRequestMessage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Decodes a request into a function's input type: the body as JSON (or as text or bytes for
 * {@code String} and {@code byte[]} inputs), with query and route values bound into the
 * properties of a JSON object type (route over query over body). Conversion failures become
 * {@link InputConversionException}s naming the field.
 */
final class HttpInputDecoder {

	enum Kind {

		NONE, TEXT, BYTES, JSON

	}

	private final ObjectMapper mapper;

	private final long maxBodySize;

	private final boolean requestMessage;

	private final Kind kind;

	private final ObjectReader reader;

	private final JavaType bodyType;

	private final Set<String> bindableProperties;

	HttpInputDecoder(FunctionHandle handle, ObjectMapper mapper, long maxBodySize) {
		this.mapper = mapper;
		this.maxBodySize = maxBodySize;
		Type input = handle.inputType();
		Class<?> inputClass = FunctionHandle.rawClass(input);
		this.requestMessage = inputClass != null && HttpRequestMessage.class.isAssignableFrom(inputClass);
		Type body = this.requestMessage ? typeArgument(input) : input;
		Class<?> bodyClass = FunctionHandle.rawClass(body);
		if (handle.isSupplier() || bodyClass == null || bodyClass == Void.class) {
			this.kind = Kind.NONE;
		}
		else if (bodyClass == String.class) {
			this.kind = Kind.TEXT;
		}
		else if (bodyClass == byte[].class) {
			this.kind = Kind.BYTES;
		}
		else {
			this.kind = Kind.JSON;
		}
		if (this.kind == Kind.JSON) {
			this.bodyType = mapper.constructType(body);
			this.reader = mapper.readerFor(this.bodyType);
			this.bindableProperties = this.requestMessage ? Set.of() : bindableProperties(mapper, this.bodyType);
		}
		else {
			this.bodyType = null;
			this.reader = null;
			this.bindableProperties = Set.of();
		}
	}

	boolean isRequestMessage() {
		return this.requestMessage;
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * Whether a request body of this content type can be decoded; {@code null} content type
	 * is taken as JSON.
	 */
	boolean accepts(String contentType) {
		if (this.kind != Kind.JSON || contentType == null || contentType.isBlank()) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Decodes the body (and bindable values) into the function's input, minus the request wrapper. */
	Object decodeBody(byte[] body, Charset charset, Map<String, String> query, Map<String, String> route) {
		switch (this.kind) {
			case NONE:
				return null;
			case TEXT:
				return new String(body, charset);
			case BYTES:
				return body;
			default:
				return decodeJson(body, query, route);
		}
	}

	private Object decodeJson(byte[] body, Map<String, String> query, Map<String, String> route) {
		boolean bind = !this.bindableProperties.isEmpty() && (hasAny(query) || hasAny(route));
		try {
			if (!bind) {
				if (body.length == 0) {
					if (this.bindableProperties.isEmpty()) {
						throw new InputConversionException(null, "A JSON body of type "
								+ this.bodyType.toCanonical() + " is required", null);
					}
					return this.reader.readValue("{}");
				}
				return this.reader.readValue(body);
			}
			JsonNode node = (body.length == 0) ? this.mapper.createObjectNode() : this.mapper.readTree(body);
			if (!(node instanceof ObjectNode object)) {
				throw new InputConversionException(null, "Expected a JSON object for " + this.bodyType.getRawClass()
					.getSimpleName() + ", but the body is a JSON " + node.getNodeType().name().toLowerCase(), null);
			}
			bindValues(object, query);
			bindValues(object, route);
			return this.reader.readValue(object);
		}
		catch (InputConversionException ex) {
			throw ex;
		}
		catch (JsonProcessingException ex) {
			throw conversionError(ex);
		}
		catch (IOException ex) {
			throw new InputConversionException(null, "Unreadable body: " + ex.getMessage(), ex);
		}
	}

	private void bindValues(ObjectNode object, Map<String, String> values) {
		if (values == null) {
			return;
		}
		values.forEach((name, value) -> {
			if (this.bindableProperties.contains(name)) {
				object.put(name, value);
			}
		});
	}

	/** Reads the body, failing with {@link PayloadTooLargeException} past the limit. */
	byte[] readBody(HttpServletRequest request) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodySize) {
			throw new PayloadTooLargeException(this.maxBodySize);
		}
		if (this.kind == Kind.NONE && declared <= 0) {
			return new byte[0];
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
			if (bytes.length > this.maxBodySize) {
				throw new PayloadTooLargeException(this.maxBodySize);
			}
			return bytes;
		}
	}

	static Charset charset(HttpServletRequest request) {
		String encoding = request.getCharacterEncoding();
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	static InputConversionException conversionError(JsonProcessingException ex) {
		return JsonInputErrors.of(ex);
	}

	private static boolean hasAny(Map<String, String> values) {
		return values != null && !values.isEmpty();
	}

	private static Type typeArgument(Type type) {
		if (type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1) {
			return parameterized.getActualTypeArguments()[0];
		}
		return Object.class;
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

	/** The body is larger than {@code funcboot.http.max-request-body-size}. */
	static final class PayloadTooLargeException extends RuntimeException {

		PayloadTooLargeException(long limit) {
			super("The request body is larger than " + limit
					+ " bytes; raise funcboot.http.max-request-body-size if that is expected");
		}

	}

}
