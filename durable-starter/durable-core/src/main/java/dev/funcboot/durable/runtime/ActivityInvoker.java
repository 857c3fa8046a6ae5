package dev.funcboot.durable.runtime;

/**
 * Runs an activity by name: decodes the input text, calls the function, encodes the result.
 * The starter maps names to function beans.
 */
@FunctionalInterface
public interface ActivityInvoker {

	/**
	 * @throws IllegalArgumentException naming the known activities, for an unknown name
	 * @throws Exception whatever the activity throws; it becomes the task's failure
	 */
	String invoke(String name, String input) throws Exception;

}
