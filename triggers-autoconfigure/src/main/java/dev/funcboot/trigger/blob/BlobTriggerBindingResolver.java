package dev.funcboot.trigger.blob;

import java.lang.annotation.Annotation;
import java.util.function.Supplier;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.TriggerBindingResolver;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.OutputBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.binding.TriggerBinding;
import dev.funcboot.functions.blob.BlobPath;

/**
 * Reads {@link BlobTrigger} and {@code funcboot.functions.<name>.blob.*} (properties first) over the
 * defaults of {@code funcboot.blob.*}, and checks the path and the options.
 */
final class BlobTriggerBindingResolver implements TriggerBindingResolver {

	/** The connection of functions that name none. */
	static final String DEFAULT_CONNECTION = "default";

	private final Supplier<BlobOptions> defaults;

	BlobTriggerBindingResolver(Supplier<BlobOptions> defaults) {
		this.defaults = defaults;
	}

	@Override
	public Class<? extends Annotation> annotationType() {
		return BlobTrigger.class;
	}

	@Override
	public boolean supportsOutputs() {
		return true;
	}

	@Override
	public boolean supportsOutput(OutputBinding output) {
		return output instanceof BlobOutputBinding || output instanceof QueueOutputBinding;
	}

	@Override
	public TriggerBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		BlobTrigger trigger = (BlobTrigger) annotation;
		FunctionsProperties.Blob blob = (properties != null) ? properties.getBlob() : null;
		if (trigger == null && blob == null) {
			return null;
		}
		String path = (trigger != null) ? values.resolve(name, "@BlobTrigger.path", trigger.path()) : null;
		String connection = (trigger != null) ? values.resolve(name, "@BlobTrigger.connection", trigger.connection())
				: null;
		BlobOptions options = this.defaults.get();
		if (blob != null) {
			path = (blob.getPath() != null) ? blob.getPath() : path;
			connection = (blob.getConnection() != null) ? blob.getConnection() : connection;
			options = override(name, options, blob);
		}
		if (path == null || path.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has no blob path; set funcboot.functions." + name
					+ ".blob.path or annotate it with @BlobTrigger(path = \"uploads/{name}\")");
		}
		return new BlobTriggerBinding(parse(name, path), connectionName(connection), options);
	}

	static BlobPath parse(String function, String path) {
		try {
			return BlobPath.parse(path);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Function '" + function + "': " + ex.getMessage(), ex);
		}
	}

	static String connectionName(String connection) {
		return (connection == null || connection.isBlank()) ? DEFAULT_CONNECTION : connection.trim();
	}

	private static BlobOptions override(String name, BlobOptions base, FunctionsProperties.Blob blob) {
		try {
			return new BlobOptions(or(blob.getPollingInterval(), base.pollingInterval()),
					or(blob.getPoisonBlobThreshold(), base.poisonBlobThreshold()),
					or(blob.getMaxBlobsPerScan(), base.maxBlobsPerScan()), or(blob.getLease(), base.lease()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("funcboot.functions." + name + ".blob is invalid: " + ex.getMessage(), ex);
		}
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
