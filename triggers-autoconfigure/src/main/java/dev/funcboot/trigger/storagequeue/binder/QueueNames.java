package dev.funcboot.trigger.storagequeue.binder;

import java.util.regex.Pattern;

/** The Storage service's rules for queue names, checked before a request fails with a bare 400. */
public final class QueueNames {

	/** Suffix of the queue that takes a queue's poison messages. */
	public static final String POISON_SUFFIX = "-poison";

	private static final Pattern VALID = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

	private QueueNames() {
	}

	/** The poison queue of a queue. */
	public static String poisonQueue(String queue) {
		return queue + POISON_SUFFIX;
	}

	/**
	 * What is wrong with a queue name that a consumer reads (so its poison queue must be valid
	 * too), or {@code null} when it is fine.
	 */
	public static String problemWithConsumerQueue(String queue) {
		String problem = problem(queue);
		if (problem == null && poisonQueue(queue).length() > 63) {
			return "queue name '" + queue + "' is too long for its poison queue '" + poisonQueue(queue)
					+ "': use at most " + (63 - POISON_SUFFIX.length()) + " characters";
		}
		return problem;
	}

	/** What is wrong with a queue name, or {@code null} when it is fine. */
	public static String problem(String queue) {
		if (queue == null || queue.isBlank()) {
			return "queue name is empty";
		}
		if (!VALID.matcher(queue).matches()) {
			return "queue name '" + queue + "' is invalid: use 3 to 63 lower-case letters, digits and single "
					+ "hyphens, starting and ending with a letter or digit";
		}
		return null;
	}

}
