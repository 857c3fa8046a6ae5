package dev.funcboot.autoconfigure;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.funcboot.functions.annotation.DaprBindingTrigger;
import dev.funcboot.functions.annotation.DaprTopicTrigger;
import dev.funcboot.functions.annotation.CosmosDBTrigger;
import dev.funcboot.functions.annotation.EventHubTrigger;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.annotation.ExponentialBackoffRetry;
import dev.funcboot.functions.annotation.FixedDelayRetry;
import dev.funcboot.functions.annotation.FunctionOptions;
import dev.funcboot.functions.annotation.KafkaTrigger;
import dev.funcboot.functions.annotation.QueueTrigger;
import dev.funcboot.functions.annotation.RabbitTrigger;
import dev.funcboot.functions.annotation.ServiceBusTrigger;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.TriggerBinding;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.RetryPolicy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds the bindings from trigger annotations on function beans and from
 * {@code funcboot.functions.<name>.*}; properties win over annotations, annotations over
 * {@code funcboot.defaults.*}.
 */
final class FunctionBindingDiscovery {

	private static final Log logger = LogFactory.getLog(FunctionBindingDiscovery.class);

	private static final String DAPR_HINT = "add io.dapr.spring:dapr-spring-boot-starter to the class path "
			+ "of a servlet web application";

	private static final String STREAM_HINT = "add org.springframework.cloud:spring-cloud-stream and the broker's "
			+ "binder (spring-cloud-stream-binder-kafka, -rabbit, spring-cloud-azure-stream-binder-eventhubs, "
			+ "-servicebus) to the class path";

	private static final Map<Class<? extends Annotation>, String> INACTIVE_TRIGGER_HINTS = Map.of(QueueTrigger.class,
			"add com.azure:azure-storage-queue and org.springframework.cloud:spring-cloud-stream to the class path",
			KafkaTrigger.class, STREAM_HINT, RabbitTrigger.class, STREAM_HINT, EventHubTrigger.class, STREAM_HINT,
			ServiceBusTrigger.class, STREAM_HINT, CosmosDBTrigger.class,
			"add com.azure:azure-cosmos to the class path", DaprTopicTrigger.class, DAPR_HINT, DaprBindingTrigger.class,
			DAPR_HINT, BlobTrigger.class,
			"add com.azure:azure-storage-blob and com.azure:azure-storage-queue to the class path");

	private final ListableBeanFactory beanFactory;

	private final FunctionsProperties properties;

	private final List<TriggerBindingResolver> resolvers;

	private final List<OutputBindingResolver> outputResolvers;

	private final BindingValues values;

	FunctionBindingDiscovery(ListableBeanFactory beanFactory, FunctionsProperties properties,
			List<TriggerBindingResolver> resolvers, BindingValues values) {
		this(beanFactory, properties, resolvers, List.of(), values);
	}

	FunctionBindingDiscovery(ListableBeanFactory beanFactory, FunctionsProperties properties,
			List<TriggerBindingResolver> resolvers, List<OutputBindingResolver> outputResolvers,
			BindingValues values) {
		this.beanFactory = beanFactory;
		this.properties = properties;
		this.resolvers = resolvers;
		this.outputResolvers = outputResolvers;
		this.values = values;
	}

	FunctionBindingRegistry discover() {
		warnAboutInactiveTriggers();
		Set<String> names = new LinkedHashSet<>();
		for (TriggerBindingResolver resolver : this.resolvers) {
			for (String bean : this.beanFactory.getBeanNamesForAnnotation(resolver.annotationType())) {
				names.add(bean);
			}
		}
		names.addAll(this.properties.getFunctions().keySet());
		List<FunctionBinding> bindings = new ArrayList<>();
		for (String name : names) {
			FunctionBinding binding = bind(name);
			if (binding != null) {
				bindings.add(binding);
			}
		}
		return new FunctionBindingRegistry(bindings);
	}

	/**
	 * A trigger annotation whose auto-configuration backed off (its library is missing) would
	 * leave the function without a trigger, silently; say so, with the fix.
	 */
	private void warnAboutInactiveTriggers() {
		INACTIVE_TRIGGER_HINTS.forEach((annotation, fix) -> {
			boolean active = this.resolvers.stream().anyMatch((resolver) -> resolver.annotationType() == annotation);
			String[] beans = this.beanFactory.getBeanNamesForAnnotation(annotation);
			if (!active && beans.length > 0) {
				logger.warn("Function(s) " + String.join(", ", beans) + " are annotated with @"
						+ annotation.getSimpleName() + ", but that trigger is not active, so they get no events: "
						+ fix);
			}
		});
	}

	private FunctionBinding bind(String name) {
		FunctionsProperties.Function props = this.properties.getFunctions().get(name);
		boolean isBean = this.beanFactory.containsBeanDefinition(name);
		TriggerBinding trigger = null;
		String triggerSource = null;
		TriggerBindingResolver triggerResolver = null;
		for (TriggerBindingResolver resolver : this.resolvers) {
			Annotation annotation = isBean ? this.beanFactory.findAnnotationOnBean(name, resolver.annotationType())
					: null;
			TriggerBinding candidate = resolver.resolve(name, annotation, props, this.values);
			if (candidate != null) {
				if (trigger != null) {
					throw new IllegalStateException("Function '" + name + "' declares two triggers (" + triggerSource
							+ " and " + candidate.type() + "); a function has exactly one trigger. "
							+ "Declare a second binding under funcboot.functions.<other-name> with definition=" + name);
				}
				trigger = candidate;
				triggerSource = candidate.type();
				triggerResolver = resolver;
			}
		}
		if (trigger == null) {
			if (props != null && isBean) {
				// properties that only tune an annotated function whose trigger is not active here
				logger.debug("funcboot.functions." + name + " declares no active trigger; ignoring it");
				return null;
			}
			if (props != null) {
				throw new IllegalStateException("funcboot.functions." + name + " declares no trigger: set "
						+ "funcboot.functions." + name + ".http.route (HTTP), funcboot.functions." + name
						+ ".timer.schedule (timer), funcboot.functions." + name + ".queue.name (Storage queue), "
						+ "funcboot.functions." + name + ".dapr.pubsub and .dapr.topic (Dapr pub/sub), "
						+ "funcboot.functions." + name + ".kafka|rabbit|event-hub|service-bus.destination (message "
						+ "brokers) or funcboot.functions." + name + ".cosmos.container (Cosmos DB change feed), "
						+ "funcboot.functions." + name + ".blob.path (blob), "
						+ "or annotate the bean '" + name + "' with a trigger annotation");
			}
			return null;
		}
		String definition = (props != null && props.getDefinition() != null && !props.getDefinition().isBlank())
				? props.getDefinition().trim() : name;
		boolean enabled = props == null || props.getEnabled() == null || props.getEnabled();
		List<OutputBinding> outputs = outputs(name, isBean, props);
		if (!outputs.isEmpty() && !triggerResolver.supportsOutputs()) {
			throw new IllegalStateException("Function '" + name + "' declares " + outputs.get(0).type()
					+ " output(s), but its " + trigger.type() + " trigger does not send outputs; its results would "
					+ "be lost. Remove the output, or bind the function to a trigger that sends outputs "
					+ "(HTTP, queue, blob, kafka, rabbit, eventhub, servicebus, Dapr)");
		}
		for (OutputBinding output : outputs) {
			if (!triggerResolver.supportsOutput(output)) {
				throw new IllegalStateException("Function '" + name + "' declares " + output.type()
						+ " output(s), but its " + trigger.type() + " trigger does not send " + output.type()
						+ " outputs; its results would be lost. Remove the output, or bind the function to a "
						+ "trigger that sends them (blob outputs need a blob trigger)");
			}
		}
		return new FunctionBinding(name, definition, trigger, policy(name, isBean, props), enabled, outputs);
	}

	private List<OutputBinding> outputs(String name, boolean isBean, FunctionsProperties.Function props) {
		List<OutputBinding> outputs = new ArrayList<>();
		for (OutputBindingResolver resolver : this.outputResolvers) {
			Annotation annotation = isBean ? this.beanFactory.findAnnotationOnBean(name, resolver.annotationType())
					: null;
			OutputBinding output = resolver.resolve(name, annotation, props, this.values);
			if (output != null) {
				outputs.add(output);
			}
		}
		return outputs;
	}

	private FunctionPolicy policy(String name, boolean isBean, FunctionsProperties.Function props) {
		FunctionsProperties.Defaults defaults = this.properties.getDefaults();
		FunctionOptions options = isBean ? this.beanFactory.findAnnotationOnBean(name, FunctionOptions.class) : null;
		Duration timeout = defaults.getTimeout();
		int maxConcurrency = defaults.getMaxConcurrency();
		if (options != null) {
			Duration annotated = this.values.duration(name, "@FunctionOptions.timeout", options.timeout());
			timeout = (annotated != null) ? annotated : timeout;
			maxConcurrency = (options.maxConcurrency() >= 0) ? options.maxConcurrency() : maxConcurrency;
		}
		if (props != null) {
			timeout = (props.getTimeout() != null) ? props.getTimeout() : timeout;
			maxConcurrency = (props.getMaxConcurrency() != null) ? props.getMaxConcurrency() : maxConcurrency;
		}
		RetryPolicy retry = retry(name, isBean, props);
		try {
			return new FunctionPolicy((timeout != null && !timeout.isZero()) ? timeout : null, retry, maxConcurrency);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private RetryPolicy retry(String name, boolean isBean, FunctionsProperties.Function props) {
		RetryPolicy base = toPolicy(name, "funcboot.defaults.retry", this.properties.getDefaults().getRetry(),
				RetryPolicy.NONE);
		if (isBean) {
			FixedDelayRetry fixed = this.beanFactory.findAnnotationOnBean(name, FixedDelayRetry.class);
			ExponentialBackoffRetry exponential = this.beanFactory.findAnnotationOnBean(name,
					ExponentialBackoffRetry.class);
			if (fixed != null && exponential != null) {
				throw new IllegalStateException("Function '" + name
						+ "' has both @FixedDelayRetry and @ExponentialBackoffRetry; keep one");
			}
			try {
				if (fixed != null) {
					base = RetryPolicy.fixedDelay(fixed.maxAttempts(),
							this.values.duration(name, "@FixedDelayRetry.delay", fixed.delay()));
				}
				if (exponential != null) {
					base = RetryPolicy.exponentialBackoff(exponential.maxAttempts(),
							this.values.duration(name, "@ExponentialBackoffRetry.minInterval",
									exponential.minInterval()),
							this.values.duration(name, "@ExponentialBackoffRetry.maxInterval",
									exponential.maxInterval()),
							exponential.multiplier());
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Function '" + name + "': invalid retry annotation: " + ex.getMessage(),
						ex);
			}
		}
		if (props != null && props.getRetry() != null) {
			base = toPolicy(name, "funcboot.functions." + name + ".retry", props.getRetry(), base);
		}
		return base;
	}

	private static RetryPolicy toPolicy(String name, String prefix, FunctionsProperties.Retry retry,
			RetryPolicy base) {
		RetryPolicy.Strategy strategy = (retry.getStrategy() != null) ? retry.getStrategy() : base.strategy();
		if (strategy == RetryPolicy.Strategy.NONE) {
			return RetryPolicy.NONE;
		}
		boolean sameStrategy = strategy == base.strategy();
		int maxAttempts = (retry.getMaxAttempts() != null) ? retry.getMaxAttempts()
				: (sameStrategy ? base.maxAttempts() : RetryPolicy.DEFAULT_MAX_ATTEMPTS);
		Duration delay = (retry.getDelay() != null) ? retry.getDelay()
				: (sameStrategy ? base.delay() : RetryPolicy.DEFAULT_DELAY);
		Duration maxDelay = (retry.getMaxDelay() != null) ? retry.getMaxDelay()
				: (sameStrategy ? base.maxDelay() : RetryPolicy.DEFAULT_MAX_DELAY);
		double multiplier = (retry.getMultiplier() != null) ? retry.getMultiplier()
				: (sameStrategy ? base.multiplier() : RetryPolicy.DEFAULT_MULTIPLIER);
		try {
			if (strategy == RetryPolicy.Strategy.FIXED_DELAY) {
				return RetryPolicy.fixedDelay(maxAttempts, delay);
			}
			return RetryPolicy.exponentialBackoff(maxAttempts, delay, maxDelay, multiplier);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(prefix + " of function '" + name + "' is invalid: " + ex.getMessage(), ex);
		}
	}

}
