package dev.funcboot.trigger.dapr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dapr.Topic;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A subscriber written the Dapr SDK's way, next to the Funcboot functions of the same application. */
@RestController
class LegacyTopicController {

	final List<String> received = new CopyOnWriteArrayList<>();

	@Topic(name = "legacy", pubsubName = "orders-pubsub")
	@PostMapping("/legacy")
	void legacy(@RequestBody String body) {
		this.received.add(body);
	}

}
