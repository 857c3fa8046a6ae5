package dev.funcboot.benchmarks.http;

import java.io.IOException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stricter baseline: the same controller, but it serializes the result itself so that the
 * response carries a Content-Length, as Funcboot's trigger does. {@link PlainEchoController}
 * lets Jackson stream into the response, and Spring MVC's flush then makes Tomcat send it
 * chunked, in two writes; this one isolates that difference.
 */
@RestController
class SizedEchoController {

	private final Function<Payload, Payload> echo;

	private final ObjectMapper mapper;

	SizedEchoController(@Qualifier("echo") Function<Payload, Payload> echo, ObjectMapper mapper) {
		this.echo = echo;
		this.mapper = mapper;
	}

	@PostMapping(path = "/plain/echo-sized", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> echo(@RequestBody Payload payload) throws IOException {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.mapper.writeValueAsBytes(this.echo.apply(payload)));
	}

}
