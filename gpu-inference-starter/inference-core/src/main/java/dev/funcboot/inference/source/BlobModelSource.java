package dev.funcboot.inference.source;

import java.io.IOException;
import java.nio.file.Path;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.BlobUrlParts;
import dev.funcboot.inference.ModelSpec;

/**
 * An Azure Blob URL ({@code https://<account>.blob.core.windows.net/<container>/<blob>}, or
 * Azurite's {@code http://127.0.0.1:10000/devstoreaccount1/<container>/<blob>}), downloaded with
 * the Storage SDK into the cache directory. With the model's connection string the blob is read
 * with that account's key; without one the URL must carry a SAS token or be public.
 */
public final class BlobModelSource implements ModelSource {

	@Override
	public boolean supports(String location) {
		return location.startsWith("http://") || location.startsWith("https://");
	}

	@Override
	public Path fetch(ModelSpec spec, Path cacheDir) throws IOException {
		BlobUrlParts parts = BlobUrlParts.parse(spec.location());
		Path target = ModelFiles.target(cacheDir, spec, parts.getBlobName());
		try {
			client(spec, parts).downloadToFile(target.toString(), true);
		}
		catch (BlobStorageException ex) {
			throw new IOException("Model '" + spec.name() + "': could not read blob '" + parts.getBlobName()
					+ "' of container '" + parts.getBlobContainerName() + "' (HTTP " + ex.getStatusCode() + ", "
					+ ex.getErrorCode() + "); check funcboot.inference.models." + spec.name()
					+ ".location and its connection", ex);
		}
		return target;
	}

	private static BlobClient client(ModelSpec spec, BlobUrlParts parts) {
		if (spec.blobConnectionString() != null && !spec.blobConnectionString().isBlank()) {
			return new BlobServiceClientBuilder().connectionString(spec.blobConnectionString())
				.buildClient()
				.getBlobContainerClient(parts.getBlobContainerName())
				.getBlobClient(parts.getBlobName());
		}
		return new BlobClientBuilder().endpoint(spec.location()).buildClient();
	}

}
