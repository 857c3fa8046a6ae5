package dev.funcboot.durable;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.funcboot.durable.internal.replay.OrchestrationExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API, the history and the replay core work on text and stay free of JSON and Spring: only
 * {@code dev.funcboot.durable.json} may use Jackson (an optional dependency). Reads the compiled
 * classes' constant pools, where every referenced class name appears as {@code com/fasterxml/...}.
 */
class EngineDependencyTests {

	private static final List<String> FORBIDDEN = List.of("com/fasterxml", "org/springframework");

	@Test
	void apiHistoryAndReplayCoreReferenceNeitherJacksonNorSpring() throws IOException {
		List<Path> classes = classesOf("dev/funcboot/durable", (path) -> !path.contains("/durable/json/"));
		assertThat(classes).as("classes scanned")
			.anySatisfy((path) -> assertThat(path).endsWith(Path.of("internal", "replay", "OrchestrationExecutor.class")))
			.anySatisfy((path) -> assertThat(path).endsWith(Path.of("history", "HistoryEvent.class")))
			.anySatisfy((path) -> assertThat(path).endsWith(Path.of("durable", "OrchestrationContext.class")));

		List<String> offenders = new ArrayList<>();
		for (Path path : classes) {
			for (String forbidden : FORBIDDEN) {
				if (references(path, forbidden)) {
					offenders.add(classesRoot().relativize(path) + " references " + forbidden);
				}
			}
		}

		assertThat(offenders).as("move JSON or Spring code to dev.funcboot.durable.json or the starter").isEmpty();
	}

	@Test
	void theScanFindsJacksonWhereItIsUsed() throws IOException {
		List<Path> json = classesOf("dev/funcboot/durable/json", (path) -> true);

		assertThat(json).isNotEmpty().allSatisfy((path) -> {
			if (!path.getFileName().toString().equals("package-info.class")) {
				assertThat(references(path, "com/fasterxml")).as("%s references Jackson", path.getFileName()).isTrue();
			}
		});
	}

	private static boolean references(Path classFile, String name) throws IOException {
		// class names in the constant pool are modified UTF-8, which equals ISO-8859-1 for ASCII
		String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
		return bytes.contains(name);
	}

	private static List<Path> classesOf(String packagePath, java.util.function.Predicate<String> include)
			throws IOException {
		Path root = classesRoot().resolve(packagePath);
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((path) -> path.toString().endsWith(".class"))
				.filter((path) -> include.test(path.toString().replace('\\', '/')))
				.sorted()
				.toList();
		}
	}

	/** target/classes: where the production classes were compiled, not the test classes. */
	private static Path classesRoot() {
		try {
			return Path.of(OrchestrationExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
