package dev.funcboot.trigger.blob;

import java.lang.annotation.Annotation;
import java.time.Duration;

import dev.funcboot.autoconfigure.BindingValues;
import dev.funcboot.autoconfigure.FunctionsProperties;
import dev.funcboot.functions.annotation.BlobOutput;
import dev.funcboot.functions.annotation.BlobTrigger;
import dev.funcboot.functions.binding.BlobOptions;
import dev.funcboot.functions.binding.BlobOutputBinding;
import dev.funcboot.functions.binding.BlobTriggerBinding;
import dev.funcboot.functions.binding.QueueOutputBinding;
import dev.funcboot.functions.blob.BlobPath;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** How annotations, {@code funcboot.functions.<name>.blob.*} and {@code funcboot.blob.*} combine. */
class BlobTriggerBindingResolverTests {

	private final BlobTriggerProperties defaults = new BlobTriggerProperties();

	private final BlobTriggerBindingResolver resolver = new BlobTriggerBindingResolver(this.defaults::toOptions);

	private final BlobOutputBindingResolver outputs = new BlobOutputBindingResolver();

	private final BindingValues values = new BindingValues(new MockEnvironment().withProperty("uploads", "uploads-eu"));

	@Test
	void annotationAloneTakesTheGlobalDefaults() {
		this.defaults.setPollingInterval(Duration.ofSeconds(2));
		BlobTriggerBinding binding = resolve(annotation(Annotated.class, BlobTrigger.class), null);
		assertThat(binding.path().path()).isEqualTo("uploads-eu/{name}.{ext}");
		assertThat(binding.path().container()).isEqualTo("uploads-eu");
		assertThat(binding.connection()).isEqualTo("default");
		assertThat(binding.options().pollingInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(binding.options().poisonBlobThreshold()).isEqualTo(BlobOptions.DEFAULT_POISON_BLOB_THRESHOLD);
	}

	@Test
	void propertiesOverrideTheAnnotationAndTheDefaults() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		FunctionsProperties.Blob blob = new FunctionsProperties.Blob();
		blob.setPath("archive/{name}");
		blob.setConnection("cold");
		blob.setPollingInterval(Duration.ofMillis(500));
		blob.setPoisonBlobThreshold(2);
		blob.setMaxBlobsPerScan(4);
		blob.setLease(Duration.ofSeconds(20));
		function.setBlob(blob);
		BlobTriggerBinding binding = resolve(annotation(Annotated.class, BlobTrigger.class), function);
		assertThat(binding.path()).isEqualTo(BlobPath.parse("archive/{name}"));
		assertThat(binding.connection()).isEqualTo("cold");
		assertThat(binding.options()).isEqualTo(new BlobOptions(Duration.ofMillis(500), 2, 4, Duration.ofSeconds(20)));
	}

	@Test
	void propertiesAloneDeclareTheTrigger() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setBlob(new FunctionsProperties.Blob());
		function.getBlob().setPath("uploads/{name}");
		assertThat(resolve(null, function).path().container()).isEqualTo("uploads");
		assertThat(this.resolver.resolve("none", null, new FunctionsProperties.Function(), this.values)).isNull();
	}

	@Test
	void invalidDeclarationsNameTheFunctionAndTheFix() {
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setBlob(new FunctionsProperties.Blob());
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("Function 'fn' has no blob path; set funcboot.functions.fn.blob.path");
		function.getBlob().setPath("Uploads/{name}");
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("Function 'fn'")
			.withMessageContaining("container 'Uploads' is invalid");
		function.getBlob().setPath("uploads/{name}");
		function.getBlob().setLease(Duration.ofSeconds(5));
		assertThatIllegalStateException().isThrownBy(() -> resolve(null, function))
			.withMessageContaining("funcboot.functions.fn.blob is invalid: lease must be between 15 and 60 seconds");
	}

	@Test
	void blobTriggersSendBlobAndQueueOutputs() {
		assertThat(this.resolver.supportsOutput(new BlobOutputBinding(BlobPath.parse("out/{name}"), "default"))).isTrue();
		assertThat(this.resolver.supportsOutput(new QueueOutputBinding("orders", "default"))).isTrue();
	}

	@Test
	void outputPathsComeFromAnnotationThenProperties() {
		BlobOutputBinding annotated = (BlobOutputBinding) this.outputs.resolve("fn",
				annotation(Annotated.class, BlobOutput.class), null, this.values);
		assertThat(annotated.path().path()).isEqualTo("processed/{name}.txt");
		assertThat(annotated.connection()).isEqualTo("default");
		FunctionsProperties.Function function = new FunctionsProperties.Function();
		function.setBlobOutput(new FunctionsProperties.BlobOutput());
		function.getBlobOutput().setPath("other/{name}.json");
		function.getBlobOutput().setConnection("cold");
		assertThat(this.outputs.resolve("fn", annotation(Annotated.class, BlobOutput.class), function, this.values))
			.isEqualTo(new BlobOutputBinding(BlobPath.parse("other/{name}.json"), "cold"));
		function.getBlobOutput().setPath(" ");
		assertThatIllegalStateException().isThrownBy(() -> this.outputs.resolve("fn", null, function, this.values))
			.withMessageContaining("funcboot.functions.fn.blob-output.path");
		assertThat(this.outputs.resolve("fn", null, null, this.values)).isNull();
	}

	private BlobTriggerBinding resolve(Annotation annotation, FunctionsProperties.Function function) {
		return (BlobTriggerBinding) this.resolver.resolve("fn", annotation, function, this.values);
	}

	private static <A extends Annotation> A annotation(Class<?> type, Class<A> annotation) {
		return type.getAnnotation(annotation);
	}

	@BlobTrigger(path = "${uploads}/{name}.{ext}")
	@BlobOutput(path = "processed/{name}.txt")
	static class Annotated {

	}

}
