package dev.funcboot.functions.binding;

import java.util.Map;

/**
 * Where a function's return value goes besides back to its caller; one implementation per
 * output technology ({@code queue} now; Event Hubs and Service Bus follow the same shape: an
 * annotation, a record here, and a sender contributed by the technology's auto-configuration).
 */
public interface OutputBinding {

	/** Output type: {@code queue}, ... */
	String type();

	/** The output's settings for the Actuator endpoint; never secrets. */
	Map<String, Object> describe();

}
