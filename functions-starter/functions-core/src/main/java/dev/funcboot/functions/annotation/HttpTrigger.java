package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a function bean to HTTP requests. Put it on the {@code @Bean} method (or the
 * {@code @Component} class) of a {@code Function}, {@code Consumer} or {@code Supplier}.
 *
 * <p>The route is a template below the route prefix ({@code funcboot.http.route-prefix},
 * {@code api} by default): {@code orders/{id:int}}, {@code files/{*path}},
 * {@code reports/{year:int}/{month:range(1,12)?}}. Route, query and JSON body values are bound
 * into the function's input type; take {@code HttpRequestMessage<T>} and return
 * {@code HttpResponseMessage} for full access to the request and response.
 *
 * <p>Values may use {@code ${...}} placeholders; properties under
 * {@code funcboot.functions.<name>.http.*} override them.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HttpTrigger {

	/** Route template below the route prefix; empty means the function's name. */
	String route() default "";

	/** Accepted methods; empty means all. */
	HttpMethod[] methods() default {};

	/** Which key a caller must present. */
	AuthLevel authLevel() default AuthLevel.FUNCTION;

}
