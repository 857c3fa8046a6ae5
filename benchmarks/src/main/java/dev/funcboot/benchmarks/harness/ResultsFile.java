package dev.funcboot.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends one tab-separated line per judged ratio, which {@code run.sh} prints as the final
 * table: metric, Funcboot value, baseline value, ratio, target, verdict.
 */
public final class ResultsFile {

	private final Path path;

	/** @param path the file, or {@code null} to write nothing */
	public ResultsFile(Path path) {
		this.path = path;
	}

	public void add(String metric, String funcboot, String baseline, double ratio, Target target) {
		add(metric, funcboot, baseline, String.format(Locale.ROOT, "%.3f", ratio),
				(target != null) ? target.toString() : "-", (target != null) ? target.verdict(ratio) : "info");
	}

	/** A line judged by the caller (e.g. a figure against an absolute floor), every column as text. */
	public void add(String metric, String funcboot, String baseline, String ratio, String target, String verdict) {
		if (this.path == null) {
			return;
		}
		String line = String.join("\t", metric, funcboot, baseline, ratio, target, verdict) + "\n";
		try {
			if (this.path.getParent() != null) {
				Files.createDirectories(this.path.getParent());
			}
			Files.writeString(this.path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write results to " + this.path, ex);
		}
	}

}
