package dev.funcboot.trigger.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.funcboot.functions.blob.BlobInput;
import dev.funcboot.trigger.messaging.TriggerRecorder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Blob-only functions, bound by properties: every input shape, path values, a String result. */
@Configuration(proxyBeanMethods = false)
class BlobFunctions {

	/** What the functions received, across contexts. */
	static final List<Object> received = new CopyOnWriteArrayList<>();

	/** An upload whose customer and file name come from the path, the rest from the JSON. */
	record Upload(String customer, String name, String id, int quantity) {
	}

	@Bean
	Consumer<BlobInput<Upload>> inspect(TriggerRecorder recorder) {
		return (blob) -> {
			recorder.started(blob.content().id());
			received.add(blob);
			recorder.completed(blob.content().id());
		};
	}

	@Bean
	Consumer<byte[]> bytes(TriggerRecorder recorder) {
		return (content) -> {
			received.add(content);
			recorder.completed("bytes:" + content.length);
		};
	}

	@Bean
	Consumer<String> text(TriggerRecorder recorder) {
		return (content) -> {
			received.add(content);
			recorder.completed("text:" + content);
		};
	}

	@Bean
	Consumer<InputStream> stream(TriggerRecorder recorder) {
		return (content) -> {
			try {
				String read = new String(content.readAllBytes(), StandardCharsets.UTF_8);
				received.add(read);
				recorder.completed("stream:" + read);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/** Writes the text upper-cased: a String result for a blob output. */
	@Bean
	Function<String, String> shout(TriggerRecorder recorder) {
		return (content) -> {
			recorder.completed("shout:" + content);
			return content.toUpperCase(Locale.ROOT);
		};
	}

}
