package dev.funcboot.scaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.timer.TimerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/** The running app shows its scaling at /actuator/scaling; --funcboot.manifest writes it and exits. */
public class ScalingApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		System.clearProperty("spring.context.exit");
	}

	@Test
	void theScalingEndpointShowsTheRulesRevisionAndManifest() throws Exception {
		this.context = new SpringApplicationBuilder(ScaledApp.class).web(WebApplicationType.SERVLET)
			.properties(Map.of("server.port", "0", "spring.main.banner-mode", "off", "spring.application.name", "scaled-app",
					"management.endpoints.web.exposure.include", "scaling,info", "funcboot.scaling.max-replicas", "4"))
			.run();
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		JsonNode scaling = new ObjectMapper().readTree(get(port, "/actuator/scaling").body());
		assertThat(scaling.get("maxReplicas").asInt()).isEqualTo(4);
		assertThat(scaling.get("minReplicas").asInt()).as("the every-minute timer keeps a replica").isEqualTo(1);
		assertThat(scaling.get("rules").get(0).get("name").asText()).isEqualTo("http");
		assertThat(scaling.get("notes").get(0).asText()).contains("'tick'");
		HttpResponse<String> manifest = get(port, "/actuator/scaling/manifest");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/yaml"));
		Map<String, Object> yaml = new Yaml().load(manifest.body());
		assertThat(yaml).containsEntry("name", "scaled-app");
		assertThat(get(port, "/actuator/scaling/other").statusCode()).isEqualTo(404);
	}

	/** In a JVM of its own, as a user runs it: the exit after refresh ends the process. */
	@Test
	void theManifestCommandWritesTheFileAndExitsWithoutStartingAnything(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("app.yaml");
		Path log = directory.resolve("run.log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ScaledApp.class.getName(), "--funcboot.manifest=" + file,
				"--spring.application.name=scaled-app", "--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command exits").isTrue();
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		Map<String, Object> yaml = new Yaml().load(Files.readString(file));
		assertThat(yaml).containsEntry("name", "scaled-app");
		assertThat(output).contains("Wrote the Container Apps manifest").doesNotContain("TICK").doesNotContain("Tomcat started");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
	public static class ScaledApp {

		public static void main(String[] args) {
			SpringApplication.run(ScaledApp.class, args);
		}

		@Bean
		@HttpTrigger(route = "hello", authLevel = AuthLevel.ANONYMOUS)
		Supplier<String> hello() {
			return () -> "hello";
		}

		@Bean
		@TimerTrigger(value = "* * * * * *", runOnStartup = true)
		Consumer<TimerInfo> tick() {
			return (timer) -> System.out.println("TICK");
		}

	}

}
