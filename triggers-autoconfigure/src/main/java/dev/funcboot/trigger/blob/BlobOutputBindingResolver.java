package dev.funcboot.trigger.blob;

import java.lang.annotation.Annotation;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.autoconfigure.OutputBindingResolver;
import dev.funcboot.functions.annotation.BlobOutput;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.OutputBinding;

/** Reads {@link BlobOutput} and {@code funcboot.functions.<name>.blob-output.*}, properties first. */
final class BlobOutputBindingResolver implements OutputBindingResolver {

	@Override
	public Class<? extends Annotation> annotationType() {
		return BlobOutput.class;
	}

	@Override
	public OutputBinding resolve(String name, Annotation annotation, FunctionsProperties.Function properties,
			BindingValues values) {
		BlobOutput output = (BlobOutput) annotation;
		FunctionsProperties.BlobOutput props = (properties != null) ? properties.getBlobOutput() : null;
		if (output == null && props == null) {
			return null;
		}
		String path = (output != null) ? values.resolve(name, "@BlobOutput.path", output.path()) : null;
		String connection = (output != null) ? values.resolve(name, "@BlobOutput.connection", output.connection())
				: null;
		if (props != null) {
			path = (props.getPath() != null) ? props.getPath() : path;
			connection = (props.getConnection() != null) ? props.getConnection() : connection;
		}
		if (path == null || path.isBlank()) {
			throw new IllegalStateException("Function '" + name + "' has a blob output without a path; set "
					+ "funcboot.functions." + name + ".blob-output.path or @BlobOutput(path = \"processed/{name}\")");
		}
		return new BlobOutputBinding(BlobTriggerBindingResolver.parse(name, path),
				BlobTriggerBindingResolver.connectionName(connection));
	}

}
