package dev.funcboot.durable.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.OrchestrationMetadata;
import dev.funcboot.durable.history.HistoryEvent;
import dev.funcboot.functions.http.HttpResponseMessage;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Delegates to a {@link DurableClient} and builds management URLs from the current request's
 * base URL, the configured base path, and the system key (as Durable Functions embeds its
 * extension key).
 */
public final class DefaultDurableHttpClient implements DurableHttpClient {

	private final DurableClient delegate;

	private final String basePath;

	private final Supplier<String> systemKey;

	public DefaultDurableHttpClient(DurableClient delegate, String basePath, Supplier<String> systemKey) {
		this.delegate = delegate;
		this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
		this.systemKey = systemKey;
	}

	@Override
	public HttpResponseMessage createCheckStatusResponse(String instanceId) {
		Map<String, String> payload = createHttpManagementPayload(instanceId);
		return HttpResponseMessage.status(202)
			.header("Location", payload.get("statusQueryGetUri"))
			.header("Retry-After", "10")
			.body(payload)
			.build();
	}

	@Override
	public Map<String, String> createHttpManagementPayload(String instanceId) {
		String root = baseUrl() + this.basePath + "/instances/" + encode(instanceId);
		String code = "code=" + encode(this.systemKey.get());
		Map<String, String> payload = new LinkedHashMap<>();
		payload.put("id", instanceId);
		payload.put("statusQueryGetUri", root + "?" + code);
		payload.put("sendEventPostUri", root + "/raiseEvent/{eventName}?" + code);
		payload.put("terminatePostUri", root + "/terminate?reason={text}&" + code);
		payload.put("purgeHistoryDeleteUri", root + "?" + code);
		payload.put("suspendPostUri", root + "/suspend?reason={text}&" + code);
		payload.put("resumePostUri", root + "/resume?reason={text}&" + code);
		return payload;
	}

	private static String baseUrl() {
		if (RequestContextHolder.getRequestAttributes() != null) {
			return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		return "";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String scheduleNewOrchestration(String name, Object input, String instanceId, Instant startAt) {
		return this.delegate.scheduleNewOrchestration(name, input, instanceId, startAt);
	}

	@Override
	public OrchestrationMetadata getInstance(String instanceId) {
		return this.delegate.getInstance(instanceId);
	}

	@Override
	public List<HistoryEvent> getHistory(String instanceId) {
		return this.delegate.getHistory(instanceId);
	}

	@Override
	public void raiseEvent(String instanceId, String eventName, Object payload) {
		this.delegate.raiseEvent(instanceId, eventName, payload);
	}

	@Override
	public void terminate(String instanceId, String reason) {
		this.delegate.terminate(instanceId, reason);
	}

	@Override
	public void suspend(String instanceId, String reason) {
		this.delegate.suspend(instanceId, reason);
	}

	@Override
	public void resume(String instanceId, String reason) {
		this.delegate.resume(instanceId, reason);
	}

	@Override
	public boolean purge(String instanceId) {
		return this.delegate.purge(instanceId);
	}

	@Override
	public dev.funcboot.durable.client.InstancePage query(dev.funcboot.durable.store.InstanceQuery query) {
		return this.delegate.query(query);
	}

	@Override
	public OrchestrationMetadata waitForCompletion(String instanceId, Duration timeout) throws InterruptedException {
		return this.delegate.waitForCompletion(instanceId, timeout);
	}

}
