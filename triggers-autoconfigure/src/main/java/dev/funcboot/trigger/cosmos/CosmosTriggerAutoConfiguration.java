package dev.funcboot.trigger.cosmos;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionHandles;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.autoconfigure.TriggerStatus;
import dev.funcboot.functions.binding.CosmosDBTriggerBinding;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.pipeline.InvocationPipeline;
import dev.funcboot.functions.pipeline.Sleeper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code @CosmosDBTrigger}: change feed processors of the Azure Cosmos SDK with a lease
 * container; backs off without {@code azure-cosmos}. Accounts come from
 * {@code funcboot.cosmos.connections.<name>.endpoint} (with {@code key}, else the application's
 * {@code TokenCredential} or {@code DefaultAzureCredential}).
 */
@AutoConfiguration(after = { FunctionsAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass({ CosmosAsyncClient.class, FunctionCatalog.class })
@EnableConfigurationProperties(CosmosProperties.class)
public class CosmosTriggerAutoConfiguration {

	@Bean
	static CosmosTriggerBindingResolver cosmosTriggerBindingResolver() {
		return new CosmosTriggerBindingResolver();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "funcboot.cosmos.enabled", matchIfMissing = true)
	static class ProcessorConfiguration {

		@Bean
		CosmosChangeFeedProcessors funcbootCosmosChangeFeedProcessors(FunctionBindingRegistry registry,
				FunctionHandles handles, InvocationPipeline pipeline, CosmosProperties properties,
				ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<TokenCredential> credential,
				ObjectProvider<Sleeper> sleeper) {
			ObjectMapper mapper = objectMapper.getIfAvailable(() -> JsonMapper.builder().findAndAddModules().build());
			List<FunctionBinding> functions = registry.ofType(CosmosDBTriggerBinding.TYPE)
				.stream()
				.filter(FunctionBinding::enabled)
				.toList();
			Map<String, CosmosChangeHandler> handlers = new LinkedHashMap<>();
			for (FunctionBinding function : functions) {
				handlers.put(function.name(), new CosmosChangeHandler(handles.get(function.name()), pipeline, mapper,
						properties, sleeper.getIfAvailable(() -> Sleeper.SYSTEM)));
			}
			Map<String, CosmosAsyncClient> clients = new ConcurrentHashMap<>();
			return new CosmosChangeFeedProcessors(functions, handlers,
					(name) -> clients.computeIfAbsent(name, (key) -> client(key, properties, credential)), hostName(),
					properties.isAutoStartup());
		}

		@Bean
		TriggerStatus cosmosTriggerStatus(CosmosChangeFeedProcessors processors) {
			return new CosmosTriggerStatus(processors);
		}

		private static CosmosAsyncClient client(String name, CosmosProperties properties,
				ObjectProvider<TokenCredential> credential) {
			CosmosProperties.Connection connection = properties.getConnections().get(name);
			if (connection == null || connection.getEndpoint() == null) {
				throw new IllegalStateException("No Cosmos DB account for connection '" + name + "'; set funcboot.cosmos"
						+ ".connections." + name + ".endpoint (and .key, or use an identity)");
			}
			CosmosClientBuilder builder = new CosmosClientBuilder().endpoint(connection.getEndpoint());
			if (connection.getKey() != null) {
				builder.key(connection.getKey());
			}
			else {
				builder.credential(credential.getIfAvailable(() -> new DefaultAzureCredentialBuilder().build()));
			}
			return builder.buildAsyncClient();
		}

		private static String hostName() {
			try {
				return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
			}
			catch (UnknownHostException ex) {
				return "funcboot-" + UUID.randomUUID();
			}
		}

	}

}
