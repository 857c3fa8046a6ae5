package dev.funcboot.trigger.dapr;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.OutputBindingResolver;
import dev.funcboot.functions.annotation.DaprPublish;
import dev.funcboot.functions.binding.DaprPublishBinding;
import dev.funcboot.functions.binding.OutputBinding;

/** Reads {@link DaprPublish} and {@code funcboot.functions.<name>.dapr-publish.*}, properties first. */
final class DaprPublishBindingResolver implements OutputBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return DaprPublish.class;
	}

	@Override
	public OutputBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		DaprPublish output = (DaprPublish) annotation;
		FunctionsProperties.DaprPublish props = (properties != null) ? properties.getDaprPublish() : null;
		if (output == null && props == null) {
			return null;
		}
		String pubsub = (output != null) ? values.resolve(name, "@DaprPublish.pubsub", output.pubsub()) : null;
		String topic = (output != null) ? values.resolve(name, "@DaprPublish.topic", output.topic()) : null;
		if (props != null) {
			pubsub = (props.getPubsub() != null) ? props.getPubsub() : pubsub;
			topic = (props.getTopic() != null) ? props.getTopic() : topic;
		}
		String fix = "set funcboot.functions." + name + ".dapr-publish.pubsub and .topic, or annotate it with "
				+ "@DaprPublish(pubsub = \"orders-pubsub\", topic = \"accepted\")";
		return new DaprPublishBinding(DaprNames.component(name, "output pub/sub component", pubsub, fix),
				DaprNames.topic(name, topic, fix));
	}

}
