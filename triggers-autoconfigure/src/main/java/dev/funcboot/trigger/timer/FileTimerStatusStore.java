package dev.funcboot.trigger.timer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

import dev.funcboot.functions.timer.ScheduleStatus;

/**
 * One properties file per timer in a directory ({@code <name>.status}), replaced atomically on
 * every write, so a crash leaves either the old or the new status.
 */
final class FileTimerStatusStore implements TimerStatusStore {

	private final Path directory;

	FileTimerStatusStore(Path directory) {
		this.directory = directory;
	}

	Path directory() {
		return this.directory;
	}

	@Override
	public ScheduleStatus read(String timer) {
		Path file = file(timer);
		if (!Files.exists(file)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
			return new ScheduleStatus(instant(properties, "last"), instant(properties, "next"),
					instant(properties, "lastUpdated"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the status of timer '" + timer + "' from " + file, ex);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalStateException("The status file " + file + " of timer '" + timer
					+ "' is corrupt; delete it to start the timer's monitor afresh", ex);
		}
	}

	@Override
	public void write(String timer, ScheduleStatus status) {
		Path file = file(timer);
		try {
			Files.createDirectories(this.directory);
			Path temporary = Files.createTempFile(this.directory, ".timer-", ".tmp");
			try {
				try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
					writer.write("last=" + text(status.last()) + "\n");
					writer.write("next=" + text(status.next()) + "\n");
					writer.write("lastUpdated=" + text(status.lastUpdated()) + "\n");
				}
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the status of timer '" + timer + "' to " + file, ex);
		}
	}

	private Path file(String timer) {
		return this.directory.resolve(URLEncoder.encode(timer, StandardCharsets.UTF_8) + ".status");
	}

	private static Instant instant(Properties properties, String key) {
		String value = properties.getProperty(key, "");
		return value.isBlank() ? null : Instant.parse(value.trim());
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
