package dev.funcboot.inference.autoconfigure;

import ai.djl.translate.Translator;
import dev.funcboot.inference.DeviceChoice;
import dev.funcboot.inference.ModelSpec;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

/** Maps {@code funcboot.inference.models.<name>.*} onto the core's {@link ModelSpec}. */
final class ModelSpecMapper {

	private final BeanFactory beanFactory;

	private final Environment environment;

	ModelSpecMapper(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	ModelSpec map(String name, InferenceProperties.Model model) {
		try {
			ModelSpec.Builder builder = ModelSpec.builder(name)
				.location(model.getLocation())
				.engine(model.getEngine())
				.device(DeviceChoice.parse(model.getDevice()))
				.workers(model.getWorkers())
				.batchSize(model.getBatchSize())
				.maxBatchDelay(model.getMaxBatchDelay())
				.queueSize(model.getQueueSize())
				.retryAfter(model.getRetryAfter())
				.warmup(model.getWarmup())
				.blobConnectionString(connectionString(model));
			if (!model.getInputShape().isEmpty()) {
				builder.inputShape(model.getInputShape().stream().mapToLong(Long::longValue).toArray());
			}
			if (model.getTranslator() != null && !model.getTranslator().isBlank()) {
				builder.translator(this.beanFactory.getBean(model.getTranslator(), Translator.class));
			}
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			String message = ex.getMessage();
			throw new IllegalStateException(message.contains("'" + name + "'") ? message
					: "Model '" + name + "' (funcboot.inference.models." + name + "): " + message, ex);
		}
	}

	/** The connection string of {@code funcboot.storage.connections.<connection>}, or {@code null}. */
	private String connectionString(InferenceProperties.Model model) {
		if (model.getConnection() == null || model.getConnection().isBlank()) {
			return null;
		}
		return this.environment
			.getProperty("funcboot.storage.connections." + model.getConnection() + ".connection-string");
	}

}
