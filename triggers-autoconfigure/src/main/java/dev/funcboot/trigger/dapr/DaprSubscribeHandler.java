package dev.funcboot.trigger.dapr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.HttpRequestHandler;

/**
 * Answers the sidecar's subscription discovery ({@code GET /dapr/subscribe}) with the topic
 * functions' subscriptions, followed by those of {@code @Topic} controllers the Dapr SDK knows
 * (so both programming models work in one application).
 */
final class DaprSubscribeHandler implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(DaprSubscribeHandler.class);

	private final DaprSubscriptions subscriptions;

	private final Supplier<List<Map<String, Object>>> others;

	private final ObjectMapper mapper;

	DaprSubscribeHandler(DaprSubscriptions subscriptions, Supplier<List<Map<String, Object>>> others,
			ObjectMapper mapper) {
		this.subscriptions = subscriptions;
		this.others = others;
		this.mapper = mapper;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			response.setHeader("Allow", "GET");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		List<Map<String, Object>> all = new ArrayList<>(this.subscriptions.asList());
		Set<String> topics = new HashSet<>();
		for (Map<String, Object> subscription : all) {
			topics.add(subscription.get("pubsubname") + "/" + subscription.get("topic"));
		}
		for (Map<String, Object> other : this.others.get()) {
			if (topics.add(other.get("pubsubname") + "/" + other.get("topic"))) {
				all.add(other);
			}
			else {
				logger.error("An @Topic controller subscribes to pub/sub '" + other.get("pubsubname") + "' topic '"
						+ other.get("topic") + "', which a Funcboot function subscribes to too; Dapr takes one "
						+ "subscription per topic, so the controller's is left out. Use match rules on the functions");
			}
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		this.mapper.writeValue(response.getOutputStream(), all);
	}

}
