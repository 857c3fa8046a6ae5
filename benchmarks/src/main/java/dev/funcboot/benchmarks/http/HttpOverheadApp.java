package dev.funcboot.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One application serving the same function bean three ways, so that the load generator can
 * compare them against the same server in the same run:
 * <ul>
 * <li>{@code POST /api/echo}: Funcboot HTTP trigger, anonymous;</li>
 * <li>{@code POST /api/echo-keyed}: a second binding of the same bean, function-level key;</li>
 * <li>{@code POST /plain/echo}: a plain {@code @RestController} ({@link PlainEchoController}).</li>
 * </ul>
 * Start it with {@code --server.port=0 --bench.port-file=FILE} to have the bound port written
 * to {@code FILE}.
 */
@SpringBootApplication
public class HttpOverheadApp {

	/** The function key of {@code echoKeyed}; a benchmark fixture, not a secret. */
	public static final String FUNCTION_KEY = "bench-echo-key-0123456789abcdef";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(HttpOverheadApp.class);
		application.setDefaultProperties(defaultProperties());
		application.run(args);
	}

	static Map<String, Object> defaultProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		// measure request handling, not TCP set-up: Tomcat closes a connection after 100 requests by default
		properties.put("server.tomcat.max-keep-alive-requests", "-1");
		properties.put("funcboot.keys.master", "bench-master-key-0123456789abcdef");
		properties.put("funcboot.functions.echoKeyed.definition", "echo");
		properties.put("funcboot.functions.echoKeyed.http.route", "echo-keyed");
		properties.put("funcboot.functions.echoKeyed.http.methods", "POST");
		properties.put("funcboot.functions.echoKeyed.http.auth-level", "function");
		properties.put("funcboot.keys.functions.echoKeyed.default", FUNCTION_KEY);
		return properties;
	}

	/** The function under test; {@link PlainEchoController} calls this very bean. */
	@Bean
	@HttpTrigger(route = "echo", methods = HttpMethod.POST, authLevel = AuthLevel.ANONYMOUS)
	Function<Payload, Payload> echo() {
		return (payload) -> payload;
	}

	@Bean
	static ApplicationListener<WebServerInitializedEvent> benchPortFile(Environment environment) {
		return (event) -> {
			String file = environment.getProperty("bench.port-file");
			if (file != null && !file.isBlank()) {
				writeAtomically(Path.of(file), Integer.toString(event.getWebServer().getPort()));
			}
		};
	}

	private static void writeAtomically(Path file, String content) {
		try {
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temp, content, StandardCharsets.US_ASCII);
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the port file " + file, ex);
		}
	}

}
