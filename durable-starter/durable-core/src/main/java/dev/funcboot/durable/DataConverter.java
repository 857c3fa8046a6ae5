package dev.funcboot.durable;

import java.lang.reflect.Type;

/**
 * Turns inputs, outputs and event payloads into the text stored in history and back. The
 * engine's replay core only ever sees the text.
 */
public interface DataConverter {

	/** The text form of a value; {@code null} for {@code null}. */
	String serialize(Object value);

	/** The value of a text form; {@code null} for {@code null}. */
	<T> T deserialize(String data, Type type);

}
