package dev.funcboot.inference.autoconfigure;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.Function;

import ai.djl.translate.Translator;
import dev.funcboot.inference.ModelFunction;
import dev.funcboot.inference.ModelRegistry;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Registers one function bean per {@code funcboot.inference.models.<name>}, named {@code <name>},
 * before any bean is created, so the function catalog and the trigger bindings
 * ({@code funcboot.functions.<name>.http.*}, {@code .queue.*}) find it like any other function.
 * A tensor model's bean is a {@code Function<float[], float[]>} ({@link ModelFunction.Tensors}); a
 * model with a translator is a Spring Cloud Function {@code FunctionRegistration} of a
 * {@link ModelFunction} typed with the translator's input and output types.
 */
final class ModelFunctionRegistrar implements BeanDefinitionRegistryPostProcessor {

	static final String PREFIX = "funcboot.inference.models";

	private final Environment environment;

	ModelFunctionRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		Map<String, InferenceProperties.Model> models = Binder.get(this.environment)
			.bind(PREFIX, Bindable.mapOf(String.class, InferenceProperties.Model.class))
			.orElse(Map.of());
		BeanFactory beanFactory = (BeanFactory) registry;
		models.forEach((name, model) -> {
			if (registry.containsBeanDefinition(name)) {
				throw new IllegalStateException("Model '" + name + "' (" + PREFIX + "." + name + ") would replace the bean '"
						+ name + "' of the same name; a model's name is its function bean's name. Rename one of them");
			}
			registry.registerBeanDefinition(name, definition(registry, beanFactory, name, model));
		});
	}

	private static RootBeanDefinition definition(BeanDefinitionRegistry registry, BeanFactory beanFactory, String name,
			InferenceProperties.Model model) {
		RootBeanDefinition definition;
		if (model.getTranslator() == null || model.getTranslator().isBlank()) {
			definition = new RootBeanDefinition(ModelFunction.Tensors.class,
					() -> new ModelFunction.Tensors(beanFactory.getBean(ModelRegistry.class), name));
		}
		else {
			// the types are only known at run time: Spring Cloud Function's typed registration carries them
			ResolvableType types = translatorTypes(registry, name, model.getTranslator());
			Type functionType = ResolvableType
				.forClassWithGenerics(Function.class, types.getGeneric(0), types.getGeneric(1))
				.getType();
			definition = new RootBeanDefinition(FunctionRegistration.class,
					() -> new FunctionRegistration<>(new ModelFunction<>(beanFactory.getBean(ModelRegistry.class), name),
							name)
						.type(functionType));
		}
		definition.setDescription("Model '" + name + "' served by Funcboot inference");
		definition.setRole(BeanDefinition.ROLE_APPLICATION);
		return definition;
	}

	/** {@code Translator<I, O>} of the named bean, from its definition (nothing is created yet). */
	private static ResolvableType translatorTypes(BeanDefinitionRegistry registry, String model, String translator) {
		if (!registry.containsBeanDefinition(translator)) {
			throw new IllegalStateException("Model '" + model + "' names translator bean '" + translator
					+ "', but there is no such bean; fix " + PREFIX + "." + model + ".translator");
		}
		BeanDefinition definition = registry.getBeanDefinition(translator);
		ResolvableType type = definition.getResolvableType();
		if (type.resolve() == null && registry instanceof ConfigurableListableBeanFactory factory) {
			Class<?> beanType = factory.getType(translator, false);
			type = (beanType != null) ? ResolvableType.forClass(beanType) : type;
		}
		ResolvableType translatorType = type.as(Translator.class);
		if (translatorType == ResolvableType.NONE) {
			throw new IllegalStateException("Model '" + model + "' names translator bean '" + translator
					+ "', which is not an ai.djl.translate.Translator");
		}
		if (translatorType.hasUnresolvableGenerics()) {
			throw new IllegalStateException("Model '" + model + "': declare translator bean '" + translator
					+ "' with its types (Translator<In, Out>), so the function's input and output types are known");
		}
		return translatorType;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
