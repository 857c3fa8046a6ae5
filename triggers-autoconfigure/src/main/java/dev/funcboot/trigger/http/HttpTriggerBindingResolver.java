package dev.funcboot.trigger.http;

import java.lang.annotation.Annotation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.AuthLevel;
import dev.funcboot.functions.annotation.HttpMethod;
import dev.funcboot.functions.annotation.HttpTrigger;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;
import dev.funcboot.functions.http.RouteTemplate;

/** Reads {@link HttpTrigger} and {@code funcboot.functions.<name>.http.*}. */
final class HttpTriggerBindingResolver implements TriggerBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return HttpTrigger.class;
	}

	/** The result goes to the declared outputs too; the caller gets 202 Accepted. */
	@Override
	public boolean supportsOutputs() {
		return true;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		HttpTrigger trigger = (HttpTrigger) annotation;
		FunctionsProperties.Http http = (properties != null) ? properties.getHttp() : null;
		if (trigger == null && http == null) {
			return null;
		}
		String route = (trigger != null) ? values.resolve(name, "@HttpTrigger.route", trigger.route()) : null;
		Set<HttpMethod> methods = (trigger != null && trigger.methods().length > 0)
				? EnumSet.copyOf(List.of(trigger.methods())) : null;
		AuthLevel authLevel = (trigger != null) ? trigger.authLevel() : AuthLevel.FUNCTION;
		if (http != null) {
			route = (http.getRoute() != null) ? http.getRoute() : route;
			methods = (http.getMethods() != null && !http.getMethods().isEmpty()) ? EnumSet.copyOf(http.getMethods())
					: methods;
			authLevel = (http.getAuthLevel() != null) ? http.getAuthLevel() : authLevel;
		}
		if (route == null || route.isBlank()) {
			route = name;
		}
		try {
			return new HttpTriggerBinding(RouteTemplate.parse(route), methods, authLevel);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
		}
	}

}
