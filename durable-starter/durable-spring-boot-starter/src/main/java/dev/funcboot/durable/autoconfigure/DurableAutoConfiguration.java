package dev.funcboot.durable.autoconfigure;

import java.lang.reflect.Type;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.durable.DataConverter;
import dev.funcboot.durable.Orchestrator;
import dev.funcboot.durable.OrchestratorCatalog;
import dev.funcboot.durable.OrchestratorRegistration;
import dev.funcboot.durable.client.DurableClient;
import dev.funcboot.durable.client.StoreDurableClient;
import dev.funcboot.durable.internal.replay.OrchestrationExecutor;
import dev.funcboot.durable.json.JacksonDataConverter;
import dev.funcboot.durable.runtime.ActivityInvoker;
import dev.funcboot.durable.runtime.ActivityProcessor;
import dev.funcboot.durable.runtime.DurableWorker;
import dev.funcboot.durable.runtime.OrchestrationProcessor;
import dev.funcboot.durable.store.InMemoryOrchestrationStore;
import dev.funcboot.durable.store.OrchestrationStore;
import dev.funcboot.durable.store.WorkNotifier;
import dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore;
import dev.funcboot.functions.pipeline.FunctionPolicy;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.RetryPolicy;
import dev.funcboot.durable.web.DefaultDurableHttpClient;
import dev.funcboot.durable.web.DurableHttpClient;
import dev.funcboot.durable.web.DurableManagementRoutes;
import dev.funcboot.trigger.http.FunctionKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Durable orchestrations: every {@link Orchestrator} bean is an orchestrator named after the
 * bean, every function bean is an activity, and an in-process worker runs them on the
 * configured store (in memory unless a persistent store is configured).
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class },
		afterName = { "dev.funcboot.trigger.http.HttpTriggerAutoConfiguration",
				"org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
		"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration" })
@ConditionalOnClass({ OrchestrationExecutor.class, FunctionCatalog.class })
@EnableConfigurationProperties(DurableProperties.class)
public class DurableAutoConfiguration {

	private static final Log logger = LogFactory.getLog(DurableAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	DataConverter durableDataConverter(ObjectProvider<ObjectMapper> objectMapper) {
		return objectMapper.getIfAvailable() != null ? new JacksonDataConverter(objectMapper.getIfAvailable())
				: new JacksonDataConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	OrchestratorCatalog durableOrchestratorCatalog(ConfigurableListableBeanFactory beanFactory) {
		List<OrchestratorRegistration> registrations = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(Orchestrator.class)) {
			Orchestrator<?, ?> orchestrator = beanFactory.getBean(name, Orchestrator.class);
			registrations.add(new OrchestratorRegistration(name, orchestrator, inputType(beanFactory, name, orchestrator)));
		}
		return OrchestratorCatalog.of(registrations);
	}

	static Type inputType(ConfigurableListableBeanFactory beanFactory, String name, Orchestrator<?, ?> orchestrator) {
		ResolvableType type = beanFactory.getMergedBeanDefinition(name).getResolvableType().as(Orchestrator.class);
		if (type != ResolvableType.NONE && type.getGeneric(0).resolve() != null) {
			return type.getGeneric(0).getType();
		}
		return OrchestratorRegistration.of(name, orchestrator).inputType();
	}

	@Bean
	@ConditionalOnMissingBean
	OrchestrationStore durableOrchestrationStore() {
		logger.info("Durable orchestrations use the in-memory store: instances do not survive a restart");
		return new InMemoryOrchestrationStore();
	}

	@Bean
	@ConditionalOnMissingBean
	DurableClient durableClient(OrchestrationStore store, OrchestratorCatalog orchestrators, DataConverter converter,
			Clock clock) {
		return new StoreDurableClient(store, orchestrators, converter, clock);
	}

	@Bean
	@ConditionalOnMissingBean
	ActivityInvoker durableActivityInvoker(FunctionCatalog catalog, DataConverter converter,
			ObjectProvider<InvocationPipeline> pipeline) {
		return new FunctionActivityInvoker(catalog, converter,
				pipeline.getIfAvailable(() -> InvocationPipeline.builder().build()),
				new FunctionPolicy(null, RetryPolicy.NONE, 0));
	}

	/** With a DataSource: the JDBC store (H2, PostgreSQL), its schema migrated by Flyway. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.funcboot.durable.store.jdbc.JdbcOrchestrationStore")
	@ConditionalOnBean(DataSource.class)
	@ConditionalOnProperty(prefix = "funcboot.durable.jdbc", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(OrchestrationStore.class)
		JdbcOrchestrationStore durableJdbcOrchestrationStore(DataSource dataSource, Clock clock,
				DurableProperties properties,
				ObjectProvider<org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer> appMigrations) {
			// the application's own Flyway migrates first: it expects to find its schema empty on first start
			appMigrations.ifAvailable((initializer) -> {
			});
			JdbcOrchestrationStore store = JdbcOrchestrationStore.builder(dataSource)
				.clock(clock)
				.migrateSchema(properties.getJdbc().isMigrateSchema())
				.build();
			logger.info("Durable orchestrations use the " + store.dialect() + " store of the application's DataSource");
			return store;
		}

	}

	/**
	 * With the HTTP trigger: the client builds Durable Functions management responses, and the
	 * management API is served behind the keys.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass({ RouterFunction.class, FunctionKeys.class })
	@ConditionalOnBean(FunctionKeys.class)
	static class WebConfiguration {

		@Bean
		@ConditionalOnMissingBean(DurableClient.class)
		DurableHttpClient durableHttpClient(OrchestrationStore store, OrchestratorCatalog orchestrators,
				DataConverter converter, Clock clock, FunctionKeys keys, DurableProperties properties) {
			String keyName = properties.getHttp().getSystemKeyName();
			if (!keys.hostKeys().containsKey(keyName)) {
				keys.putHostKey(keyName, null);
			}
			return new DefaultDurableHttpClient(new StoreDurableClient(store, orchestrators, converter, clock),
					properties.getHttp().getBasePath(), () -> keys.hostKeys().get(keyName));
		}

		@Bean
		@ConditionalOnProperty(prefix = "funcboot.durable.http", name = "enabled", havingValue = "true",
				matchIfMissing = true)
		RouterFunction<ServerResponse> durableManagementRoutes(DurableHttpClient client, FunctionKeys keys,
				ObjectProvider<ObjectMapper> objectMapper, DurableProperties properties) {
			return new DurableManagementRoutes(client, keys, objectMapper.getIfAvailable(ObjectMapper::new))
				.routes(properties.getHttp().getBasePath());
		}

	}

	/** The Container Apps scale rule of durable work. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "dev.funcboot.scaling.ScaleRuleContributor")
	static class ScalingConfiguration {

		@Bean
		dev.funcboot.scaling.ScaleRuleContributor funcbootDurableScaleRules(DurableProperties properties,
				org.springframework.core.env.Environment environment) {
			return new DurableScaleRules(environment.getProperty("spring.application.name", "funcboot-app"),
					properties.getScaleTargetBacklog());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint
		DurableEndpoint durableEndpoint(OrchestrationStore store, OrchestratorCatalog orchestrators, Clock clock,
				DurableProperties properties) {
			return new DurableEndpoint(store, orchestrators, clock, properties.getStuckAfter());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "funcboot.durable", name = "enabled", havingValue = "true", matchIfMissing = true)
	static class WorkerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DurableWorker durableWorker(OrchestrationStore store, OrchestratorCatalog orchestrators,
				DataConverter converter, ActivityInvoker activities, Clock clock, DurableProperties properties) {
			String id = workerId();
			OrchestrationExecutor executor = new OrchestrationExecutor(orchestrators, converter);
			DurableWorker worker = new DurableWorker(store,
					new OrchestrationProcessor(store, executor, clock, id, properties.getLease()),
					new ActivityProcessor(store, activities, clock, id, properties.getLease()), clock,
					properties.getOrchestrationThreads(), properties.getActivityThreads(),
					properties.getMaxPollInterval(), "funcboot-durable");
			if (store instanceof WorkNotifier notifier) {
				notifier.onWorkOfKind(worker::signal);
			}
			logger.info("Durable worker " + id + ": orchestrators " + orchestrators.names());
			return worker;
		}

		@Bean
		DurableWorkerLifecycle durableWorkerLifecycle(DurableWorker worker, DurableProperties properties) {
			return new DurableWorkerLifecycle(worker, properties.getShutdownTimeout());
		}

		private static String workerId() {
			String host;
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				host = "localhost";
			}
			return host + "-" + ProcessHandle.current().pid();
		}

	}

}
