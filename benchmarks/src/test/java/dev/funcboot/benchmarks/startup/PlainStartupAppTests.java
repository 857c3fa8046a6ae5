package dev.funcboot.benchmarks.startup;

import java.util.ArrayList;
import java.util.List;

import dev.funcboot.benchmarks.startup.plain.PlainStartupApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.annotation.ImportCandidates;

import static org.assertj.core.api.Assertions.assertThat;

class PlainStartupAppTests {

	/** A new Funcboot auto-configuration must be excluded too, or the baseline is not plain. */
	@Test
	void excludesEveryFuncbootAutoConfiguration() {
		List<String> funcboot = new ArrayList<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())) {
			if (candidate.startsWith("dev.funcboot.")) {
				funcboot.add(candidate);
			}
		}
		assertThat(funcboot).isNotEmpty();
		String[] excluded = PlainStartupApp.class.getAnnotation(SpringBootApplication.class).excludeName();
		assertThat(excluded).containsExactlyInAnyOrderElementsOf(funcboot);
	}

}
