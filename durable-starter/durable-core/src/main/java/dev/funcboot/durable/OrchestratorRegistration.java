package dev.funcboot.durable;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * An orchestrator under its name, with the type its input is decoded into.
 *
 * @param name the name clients schedule it by
 * @param orchestrator the code
 * @param inputType the input type ({@code Object} when unknown, e.g. for a lambda)
 */
public record OrchestratorRegistration(String name, Orchestrator<?, ?> orchestrator, Type inputType) {

	public OrchestratorRegistration {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(orchestrator, "orchestrator");
		inputType = (inputType != null) ? inputType : Object.class;
	}

	/** Registers an orchestrator, reading the input type from its class when it declares one. */
	public static OrchestratorRegistration of(String name, Orchestrator<?, ?> orchestrator) {
		return new OrchestratorRegistration(name, orchestrator, inputTypeOf(orchestrator.getClass()));
	}

	static Type inputTypeOf(Class<?> type) {
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Type candidate : c.getGenericInterfaces()) {
				if (candidate instanceof ParameterizedType parameterized
						&& parameterized.getRawType() == Orchestrator.class) {
					Type input = parameterized.getActualTypeArguments()[0];
					return (input instanceof Class<?> || input instanceof ParameterizedType) ? input : Object.class;
				}
			}
		}
		return Object.class;
	}

}
