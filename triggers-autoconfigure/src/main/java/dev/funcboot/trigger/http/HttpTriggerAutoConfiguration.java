package dev.funcboot.trigger.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandle;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionOutputs;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.HttpTriggerBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * HTTP trigger on Spring MVC: routes, keys and the key admin API. Backs off without a servlet
 * web application.
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, FunctionCatalog.class })
@EnableConfigurationProperties({ HttpTriggerProperties.class, KeysProperties.class })
public class HttpTriggerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(HttpTriggerAutoConfiguration.class);

	@Bean
	static HttpTriggerBindingResolver httpTriggerBindingResolver() {
		return new HttpTriggerBindingResolver();
	}

	@Bean
	TriggerStatus httpTriggerStatus() {
		return () -> HttpTriggerBinding.TYPE;
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionKeys functionKeys(KeysProperties properties) {
		KeyFile file = (properties.getStoreDirectory() != null) ? new KeyFile(properties.getStoreDirectory()) : null;
		FunctionKeys keys = new FunctionKeys(properties, file);
		if (keys.isMasterGenerated()) {
			logger.info("No master key configured (funcboot.keys.master); generated one"
					+ ((file != null) ? " and stored it in " + file.path() : ", kept in memory only"));
		}
		return keys;
	}

	@Bean
	HttpTriggerHandlerMapping httpTriggerHandlerMapping(FunctionBindingRegistry registry, FunctionHandles handles,
			InvocationPipeline pipeline, FunctionKeys keys, HttpTriggerProperties properties,
			KeysProperties keysProperties, ObjectProvider<ObjectMapper> objectMapper, FunctionOutputs outputs) {
		ObjectMapper mapper = objectMapper.getIfAvailable(ObjectMapper::new);
		ProblemResponses problems = new ProblemResponses(mapper);
		long maxBody = properties.getMaxRequestBodySize().toBytes();
		Map<String, HttpFunctionHandler> handlers = new LinkedHashMap<>();
		List<HttpRoutes.Route> routes = new ArrayList<>();
		for (FunctionBinding binding : registry.ofType(HttpTriggerBinding.TYPE)) {
			if (!binding.enabled()) {
				logger.info("HTTP function '" + binding.name() + "' is disabled");
				continue;
			}
			FunctionHandle handle = handles.get(binding.name());
			handlers.put(binding.name(), new HttpFunctionHandler(handle, pipeline, keys, mapper, problems, maxBody,
					outputs.forFunction(binding)));
			routes.add(new HttpRoutes.Route(binding.name(), (HttpTriggerBinding) binding.trigger()));
		}
		KeysAdminHandler admin = keysProperties.isAdminApiEnabled()
				? new KeysAdminHandler(keysProperties.getAdminPath(), keys, registry, mapper, problems) : null;
		HttpRoutes table = new HttpRoutes(properties.getRoutePrefix(), routes);
		for (HttpRoutes.Route route : table.routes()) {
			logger.info("HTTP function '" + route.function() + "': " + route.binding().methods() + " /"
					+ joinPrefix(properties.getRoutePrefix(), route.binding().route().template()) + " (auth "
					+ route.binding().authLevel().name().toLowerCase() + ")");
		}
		return new HttpTriggerHandlerMapping(table, handlers, admin, problems);
	}

	static String joinPrefix(String prefix, String route) {
		String p = (prefix == null) ? "" : prefix.replaceAll("^/+|/+$", "");
		String r = route.replaceAll("^/+|/+$", "");
		return p.isEmpty() ? r : (r.isEmpty() ? p : p + "/" + r);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = FunctionWebExposureGuard.HANDLER_MAPPING_CLASS)
	@ConditionalOnProperty(prefix = "funcboot.http", name = "expose-function-web", havingValue = "false",
			matchIfMissing = true)
	static class FunctionWebGuardConfiguration {

		@Bean
		static FunctionWebExposureGuard funcbootFunctionWebExposureGuard() {
			return new FunctionWebExposureGuard();
		}

	}

}
