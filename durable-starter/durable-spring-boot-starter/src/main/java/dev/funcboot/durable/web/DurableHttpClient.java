package dev.funcboot.durable.web;

import java.util.Map;

import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.functions.http.HttpResponseMessage;

/**
 * A {@link DurableClient} that also builds the Durable Functions management responses, for HTTP
 * functions that start orchestrations (the "async HTTP API" pattern):
 *
 * <pre>
 * String id = client.scheduleNewOrchestration("approval", request.getBody());
 * return client.createCheckStatusResponse(id);   // 202 + Location + management URLs
 * </pre>
 */
public interface DurableHttpClient extends DurableClient {

	/** 202 Accepted with {@code Location} and the management URLs of the instance. */
	HttpResponseMessage createCheckStatusResponse(String instanceId);

	/**
	 * The management URLs: {@code id}, {@code statusQueryGetUri}, {@code sendEventPostUri}
	 * (with an {@code {eventName}} placeholder), {@code terminatePostUri},
	 * {@code purgeHistoryDeleteUri}, {@code suspendPostUri}, {@code resumePostUri}.
	 */
	Map<String, String> createHttpManagementPayload(String instanceId);

}
