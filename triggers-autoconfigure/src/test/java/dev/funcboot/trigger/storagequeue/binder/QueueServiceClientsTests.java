package dev.funcboot.trigger.storagequeue.binder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.storage.queue.QueueServiceClient;
import dev.funcboot.trigger.storagequeue.binder.QueueServiceClients.StorageConnection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How connections become clients; nothing here reaches a network. */
class QueueServiceClientsTests {

	private static final String AZURITE = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
			+ "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
			+ "QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

	@Test
	void aConnectionStringGivesAKeyAuthenticatedClientForItsAccount() {
		QueueServiceClients clients = new QueueServiceClients(
				(name) -> "default".equals(name) ? new StorageConnection(AZURITE, null) : null, () -> {
					throw new AssertionError("a connection string needs no token credential");
				}, "funcboot.storage.connections.%s");
		QueueServiceClient client = clients.serviceClient(null);
		assertThat(client.getAccountName()).isEqualTo("devstoreaccount1");
		assertThat(client.getQueueServiceUrl()).isEqualTo("http://127.0.0.1:10001/devstoreaccount1");
		assertThat(clients.queue("default", "orders").getQueueUrl())
			.isEqualTo("http://127.0.0.1:10001/devstoreaccount1/orders");
		assertThat(clients.serviceClient("default")).isSameAs(client);
	}

	@Test
	void anEndpointAsksTheCredentialForAStorageTokenBeforeAnyRequest() {
		List<String> scopes = new CopyOnWriteArrayList<>();
		TokenCredential credential = (request) -> {
			scopes.addAll(request.getScopes());
			return Mono.error(new IllegalStateException("no token in this test"));
		};
		QueueServiceClients clients = new QueueServiceClients(
				(name) -> new StorageConnection(null, "https://account.queue.core.windows.net"), () -> credential,
				"funcboot.storage.connections.%s");
		QueueServiceClient client = clients.serviceClient("identity");
		assertThat(client.getAccountName()).isEqualTo("account");
		// the bearer-token policy runs before the request leaves: the credential fails it first
		assertThatException().isThrownBy(() -> client.getQueueClient("orders").getProperties())
			.withStackTraceContaining("no token in this test");
		assertThat(scopes).containsExactly("https://storage.azure.com/.default");
	}

	@Test
	void theDefaultCredentialIsDefaultAzureCredentialBuiltOnce() {
		var supplier = AzureCredentials.defaultCredential();
		TokenCredential credential = supplier.get();
		assertThat(credential).isInstanceOf(DefaultAzureCredential.class);
		assertThat(supplier.get()).isSameAs(credential);
	}

	@Test
	void anUnknownConnectionFailsWithTheSettingsToMake() {
		QueueServiceClients clients = new QueueServiceClients((name) -> null, () -> null,
				"funcboot.storage.connections.%s");
		assertThatIllegalStateException().isThrownBy(() -> clients.queue("archive", "orders"))
			.withMessageContaining("Storage connection 'archive' is not configured")
			.withMessageContaining("funcboot.storage.connections.archive.connection-string")
			.withMessageContaining("funcboot.storage.connections.archive.endpoint");
	}

	@Test
	void anInvalidConnectionStringIsNeverEchoed() {
		String secret = "AccountName=x;AccountKey=c2VjcmV0LWtleQ==;Nonsense";
		QueueServiceClients clients = new QueueServiceClients((name) -> new StorageConnection(secret, null),
				() -> null, "funcboot.storage.connections.%s");
		assertThatIllegalStateException().isThrownBy(() -> clients.serviceClient("default"))
			.withMessageContaining("Storage connection 'default' is invalid")
			.withMessageNotContaining("c2VjcmV0LWtleQ==");
	}

}
