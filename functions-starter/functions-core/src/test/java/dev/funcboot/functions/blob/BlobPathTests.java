package dev.funcboot.functions.blob;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BlobPathTests {

	@Test
	void splitsContainerAndPatternAndBindsValues() {
		BlobPath path = BlobPath.parse("uploads/{name}.{ext}");
		assertThat(path.container()).isEqualTo("uploads");
		assertThat(path.blobPattern()).isEqualTo("{name}.{ext}");
		assertThat(path.names()).containsExactly("name", "ext");
		assertThat(path.match("report.csv")).containsExactly(Map.entry("name", "report"), Map.entry("ext", "csv"));
	}

	@Test
	void aValueTakesAsMuchAsItCanSoTheExtensionIsAfterTheLastDot() {
		assertThat(BlobPath.parse("uploads/{name}.{ext}").match("report.2024.csv")).containsEntry("name", "report.2024")
			.containsEntry("ext", "csv");
	}

	@Test
	void valuesMatchAcrossSlashesAsInAzureFunctions() {
		assertThat(BlobPath.parse("uploads/{name}").match("a/b/c.txt")).containsEntry("name", "a/b/c.txt");
		assertThat(BlobPath.parse("invoices/{customer}/{year}/{file}.csv").match("acme/2024/jan.csv"))
			.containsExactly(Map.entry("customer", "acme"), Map.entry("year", "2024"), Map.entry("file", "jan"));
	}

	@Test
	void literalsMustMatchExactlyAndValuesAreNeverEmpty() {
		BlobPath path = BlobPath.parse("samples/in/{name}.csv");
		assertThat(path.match("in/a.csv")).containsEntry("name", "a");
		assertThat(path.match("in/a.CSV")).isNull();
		assertThat(path.match("out/a.csv")).isNull();
		assertThat(path.match("in/.csv")).isNull();
		assertThat(path.match("in/a.csv.bak")).isNull();
	}

	@Test
	void thePrefixIsTheLiteralBeforeTheFirstValue() {
		assertThat(BlobPath.parse("samples/in/{name}.csv").prefix()).isEqualTo("in/");
		assertThat(BlobPath.parse("uploads/{name}").prefix()).isEmpty();
		assertThat(BlobPath.parse("uploads/fixed.txt").prefix()).isEqualTo("fixed.txt");
	}

	@Test
	void aPathWithoutValuesMatchesEveryBlobUnderItsLiteral() {
		assertThat(BlobPath.parse("uploads").match("any/thing.bin")).isEmpty();
		assertThat(BlobPath.parse("uploads/in/").match("in/x")).isEmpty();
		assertThat(BlobPath.parse("uploads/in/").match("out/x")).isNull();
		assertThat(BlobPath.parse("/uploads/{name}").container()).isEqualTo("uploads");
		assertThat(BlobPath.parse("uploads/fixed.txt").match("fixed.txt")).isEmpty();
		assertThat(BlobPath.parse("uploads/fixed.txt").match("fixed.txt.bak")).isNull();
	}

	@Test
	void doubledBracesAreLiteralBraces() {
		BlobPath path = BlobPath.parse("data/{{raw}}-{name}");
		assertThat(path.names()).containsExactly("name");
		assertThat(path.match("{raw}-x")).containsEntry("name", "x");
		assertThat(path.expand(Map.of("name", "y"))).isEqualTo("{raw}-y");
	}

	@Test
	void expandFillsAnOutputPathAndNamesAMissingValue() {
		BlobPath output = BlobPath.parse("processed/{name}.txt");
		assertThat(output.expand(Map.of("name", "report", "ext", "csv"))).isEqualTo("report.txt");
		assertThatIllegalArgumentException().isThrownBy(() -> output.expand(Map.of("ext", "csv")))
			.withMessageContaining("{name}");
	}

	@Test
	void rejectsMalformedPathsWithTheFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse(" ")).withMessageContaining("container/pattern");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("Uploads/{name}"))
			.withMessageContaining("container 'Uploads' is invalid");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("{c}/{name}"))
			.withMessageContaining("literal container name");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("uploads/{name"))
			.withMessageContaining("not closed");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("uploads/name}"))
			.withMessageContaining("closes nothing");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("uploads/{a}{b}"))
			.withMessageContaining("ambiguous");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("uploads/{a}/{a}"))
			.withMessageContaining("appears twice");
		assertThatIllegalArgumentException().isThrownBy(() -> BlobPath.parse("uploads/{1x}"))
			.withMessageContaining("not a value name");
	}

}
