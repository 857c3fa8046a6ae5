package dev.funcboot.trigger.http;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Removes spring-cloud-function-web's handler mapping, which would serve every function bean at
 * {@code /{name}} without keys. A function is reachable over HTTP only through its HTTP trigger.
 */
final class FunctionWebExposureGuard implements BeanDefinitionRegistryPostProcessor {

	static final String HANDLER_MAPPING_CLASS = "org.springframework.cloud.function.web.mvc.FunctionHandlerMapping";

	private static final Log logger = LogFactory.getLog(FunctionWebExposureGuard.class);

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		for (String name : registry.getBeanDefinitionNames()) {
			BeanDefinition definition = registry.getBeanDefinition(name);
			boolean byClass = HANDLER_MAPPING_CLASS.equals(definition.getBeanClassName());
			boolean byFactory = "functionHandlerMapping".equals(definition.getFactoryMethodName())
					&& definition.getFactoryBeanName() != null
					&& definition.getFactoryBeanName().startsWith("org.springframework.cloud.function.web");
			if (byClass || byFactory) {
				registry.removeBeanDefinition(name);
				logger.info("Removed spring-cloud-function-web's endpoint '" + name
						+ "': functions are served only through their HTTP triggers and keys "
						+ "(set funcboot.http.expose-function-web=true to keep it)");
			}
		}
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

}
