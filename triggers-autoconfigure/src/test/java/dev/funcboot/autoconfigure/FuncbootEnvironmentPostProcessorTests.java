package dev.funcboot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class FuncbootEnvironmentPostProcessorTests {

	private final FuncbootEnvironmentPostProcessor postProcessor = new FuncbootEnvironmentPostProcessor();

	@Test
	void springCloudStreamDoesNotBindFunctionsOnItsOwn() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cloud.stream.function.autodetect")).isEqualTo("false");
	}

	@Test
	void theApplicationMayStillTurnItOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.cloud.stream.function.autodetect",
				"true");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.cloud.stream.function.autodetect")).isEqualTo("true");
	}

}
