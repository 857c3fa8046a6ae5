package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean for the changes of an Azure Cosmos DB container, read from its change feed
 * by the Cosmos SDK's change feed processor, which keeps its progress in a lease container (so
 * replicas share the partitions and a restarted application resumes where it stopped).
 *
 * <p>The function takes the changed documents: a {@code List<T>} gets each batch (at most
 * {@link #maxItemsPerInvocation()}), a single {@code T} is called once per document. A batch is
 * acknowledged (the lease moves on) only after the function succeeded; a retryable failure is
 * retried per the function's retry policy (else {@code funcboot.cosmos.max-attempts} times), and
 * documents that cannot be decoded, a {@code PoisonMessageException} and exhausted retries are
 * logged and counted as dead-lettered, and the feed moves on (a change feed has no dead-letter
 * queue).
 *
 * <p>Properties under {@code funcboot.functions.<name>.cosmos.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CosmosDBTrigger {

	/** The database. */
	String database();

	/** The monitored container. */
	String container();

	/** The lease container (created when missing). */
	String leaseContainer() default "leases";

	/** Which Cosmos connection: a name under {@code funcboot.cosmos.connections}; empty means {@code default}. */
	String connection() default "";

	/** Whether a processor without leases starts at the beginning of the feed rather than now. */
	boolean startFromBeginning() default false;

	/** The most documents one invocation gets. */
	int maxItemsPerInvocation() default 100;

	/** How long the processor waits before it polls a drained partition again, e.g. {@code 5s}. */
	String feedPollDelay() default "5s";

}
