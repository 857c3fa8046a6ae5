package dev.funcboot.functions.binding;

import java.util.Map;

/** The trigger part of a function binding; one implementation per trigger technology. */
public interface TriggerBinding {

	/** Trigger type as used in metrics and the invocation context: {@code http}, {@code timer}, ... */
	String type();

	/** The trigger's settings for the Actuator endpoint; never secrets. */
	Map<String, Object> describe();

}
