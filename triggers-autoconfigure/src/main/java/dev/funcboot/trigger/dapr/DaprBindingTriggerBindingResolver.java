package dev.funcboot.trigger.dapr;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.DaprBindingTrigger;
import dev.funcboot.functions.binding.DaprBindingTriggerBinding;
import dev.funcboot.functions.binding.TriggerBinding;

/** Reads {@link DaprBindingTrigger} and {@code funcboot.functions.<name>.dapr-binding.*}, properties first. */
final class DaprBindingTriggerBindingResolver implements TriggerBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return DaprBindingTrigger.class;
	}

	@Override
	public boolean supportsOutputs() {
		return true;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		DaprBindingTrigger trigger = (DaprBindingTrigger) annotation;
		FunctionsProperties.DaprBinding props = (properties != null) ? properties.getDaprBinding() : null;
		if (trigger == null && props == null) {
			return null;
		}
		String binding = (trigger != null) ? values.resolve(name, "@DaprBindingTrigger.name", trigger.name()) : null;
		String route = (trigger != null) ? values.resolve(name, "@DaprBindingTrigger.route", trigger.route()) : null;
		if (props != null) {
			binding = (props.getName() != null) ? props.getName() : binding;
			route = (props.getRoute() != null) ? props.getRoute() : route;
		}
		binding = DaprNames.component(name, "Dapr input binding name", binding, "set funcboot.functions." + name
				+ ".dapr-binding.name or annotate it with @DaprBindingTrigger(name = \"nightly-cron\")");
		return new DaprBindingTriggerBinding(binding, DaprNames.route(name, route, "/" + binding));
	}

}
