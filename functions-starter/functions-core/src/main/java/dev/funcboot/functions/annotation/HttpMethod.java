package dev.funcboot.functions.annotation;

/** HTTP methods an {@link HttpTrigger} accepts. */
public enum HttpMethod {

	GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS

}
