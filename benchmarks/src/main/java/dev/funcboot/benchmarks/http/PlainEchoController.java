package dev.funcboot.benchmarks.http;

import java.util.function.Function;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The baseline: Spring MVC calling the very function bean that the HTTP trigger serves. */
@RestController
class PlainEchoController {

	private final Function<Payload, Payload> echo;

	PlainEchoController(@Qualifier("echo") Function<Payload, Payload> echo) {
		this.echo = echo;
	}

	@PostMapping(path = "/plain/echo", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Payload echo(@RequestBody Payload payload) {
		return this.echo.apply(payload);
	}

}
