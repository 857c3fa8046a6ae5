package dev.funcboot.trigger.storagequeue.binder;

import java.util.function.Supplier;

import com.azure.core.credential.TokenCredential;

import org.springframework.util.ClassUtils;

/**
 * The credential of connections configured by endpoint: {@code DefaultAzureCredential} from
 * {@code com.azure:azure-identity}, built once on first use (building it touches no network).
 */
public final class AzureCredentials {

	private static final String DEFAULT_CREDENTIAL_BUILDER = "com.azure.identity.DefaultAzureCredentialBuilder";

	private AzureCredentials() {
	}

	/** A memoizing supplier of {@code DefaultAzureCredential}; fails with the fix when azure-identity is missing. */
	public static Supplier<TokenCredential> defaultCredential() {
		return new Supplier<>() {

			private volatile TokenCredential credential;

			@Override
			public TokenCredential get() {
				TokenCredential result = this.credential;
				if (result == null) {
					synchronized (this) {
						result = this.credential;
						if (result == null) {
							result = create();
							this.credential = result;
						}
					}
				}
				return result;
			}

		};
	}

	private static TokenCredential create() {
		if (!ClassUtils.isPresent(DEFAULT_CREDENTIAL_BUILDER, AzureCredentials.class.getClassLoader())) {
			throw new IllegalStateException("A storage connection configured by endpoint needs a TokenCredential: "
					+ "add com.azure:azure-identity for DefaultAzureCredential, define a TokenCredential bean, or "
					+ "configure a connection string instead");
		}
		return Identity.defaultAzureCredential();
	}

	/** Loaded only when azure-identity is present. */
	private static final class Identity {

		static TokenCredential defaultAzureCredential() {
			return new com.azure.identity.DefaultAzureCredentialBuilder().build();
		}

	}

}
