package dev.funcboot.demo.classifier;

import java.util.List;
import java.util.function.Function;

import dev.funcboot.functions.PoisonMessageException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code classify}: a plain function that calls the model's function bean ({@code classifier},
 * declared in {@code application.yml}) and labels its probabilities. Its triggers are bound in
 * {@code application.yml} too: the {@code readings} queue, and HTTP through the {@code classify-http}
 * binding.
 */
@Configuration(proxyBeanMethods = false)
class ClassifierFunctions {

	static final List<String> LABELS = List.of("normal", "warning", "fault");

	@Bean
	Function<Reading, Classification> classify(@Qualifier("classifier") Function<float[], float[]> classifier) {
		return (reading) -> {
			if (reading.id() == null || reading.id().isBlank()) {
				throw new PoisonMessageException("A reading needs an id");
			}
			float[] probabilities = classifier.apply(reading.features());
			int best = 0;
			for (int i = 1; i < probabilities.length; i++) {
				best = (probabilities[i] > probabilities[best]) ? i : best;
			}
			return new Classification(reading.id(), LABELS.get(best), probabilities[best], probabilities);
		};
	}

}
