package dev.funcboot.inference.autoconfigure;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The whole stack: auto-configured triggers, the inference starter, and a user translator bean. */
@SpringBootConfiguration
@EnableAutoConfiguration
class InferenceTestApplication {

	@Bean
	GateTranslator gate() {
		return new GateTranslator();
	}

}
