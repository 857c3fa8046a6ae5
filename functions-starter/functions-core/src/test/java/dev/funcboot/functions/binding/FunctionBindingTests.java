package dev.funcboot.functions.binding;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.http.RouteTemplate;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

class FunctionBindingTests {

	@Test
	void httpTriggerWithoutMethodsAcceptsAllMethods() {
		HttpTriggerBinding binding = new HttpTriggerBinding(RouteTemplate.parse("orders/{id}"), null,
				AuthLevel.FUNCTION);
		assertThat(binding.methods()).containsExactlyInAnyOrder(HttpMethod.values());
		assertThat(new HttpTriggerBinding(RouteTemplate.parse("orders"), Set.of(), AuthLevel.FUNCTION).methods())
			.containsExactlyInAnyOrder(HttpMethod.values());
	}

	@Test
	void httpTriggerCopiesTheMethods() {
		EnumSet<HttpMethod> methods = EnumSet.of(HttpMethod.GET);
		HttpTriggerBinding binding = new HttpTriggerBinding(RouteTemplate.parse("orders"), methods,
				AuthLevel.FUNCTION);
		methods.add(HttpMethod.POST);
		assertThat(binding.methods()).containsExactly(HttpMethod.GET);
	}

	@Test
	void httpTriggerDescribesItself() {
		AuthLevel level = AuthLevel.FUNCTION;
		HttpTriggerBinding binding = new HttpTriggerBinding(RouteTemplate.parse("orders/{id:int}"),
				Set.of(HttpMethod.GET), level);
		assertThat(binding.type()).isEqualTo("http").isEqualTo(HttpTriggerBinding.TYPE);
		assertThat(binding.describe()).containsExactly(entry("route", "orders/{id:int}"),
				entry("methods", EnumSet.of(HttpMethod.GET)), entry("authLevel", level));
	}

	@Test
	void timerTriggerDescribesItself() {
		TimerTriggerBinding binding = new TimerTriggerBinding("0 */5 * * * *", ZoneId.of("Europe/Paris"), true, false);
		assertThat(binding.type()).isEqualTo("timer").isEqualTo(TimerTriggerBinding.TYPE);
		assertThat(binding.describe()).containsExactly(entry("schedule", "0 */5 * * * *"),
				entry("timeZone", "Europe/Paris"), entry("runOnStartup", true), entry("useMonitor", false));
	}

	@Test
	void requiredParts() {
		TimerTriggerBinding timer = new TimerTriggerBinding("0 0 * * * *", ZoneId.of("UTC"), false, true);
		assertThatNullPointerException()
			.isThrownBy(() -> new FunctionBinding("cleanup", null, timer, FunctionPolicy.DEFAULT, true))
			.withMessage("definition");
		assertThatNullPointerException()
			.isThrownBy(() -> new FunctionBinding("cleanup", "cleanup", timer, null, true))
			.withMessage("policy");
		assertThatNullPointerException().isThrownBy(() -> new TimerTriggerBinding(null, ZoneId.of("UTC"), false, true))
			.withMessage("schedule");
		assertThatNullPointerException()
			.isThrownBy(() -> new HttpTriggerBinding(null, null, AuthLevel.FUNCTION))
			.withMessage("route");
	}

}
