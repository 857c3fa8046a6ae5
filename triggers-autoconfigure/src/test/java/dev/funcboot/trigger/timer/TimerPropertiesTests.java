package dev.funcboot.trigger.timer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TimerPropertiesTests {

	@Test
	void defaultsMatchTheSchedulerAndSchema() {
		TimerProperties properties = new TimerProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.isAutoStartup()).isTrue();
		assertThat(properties.getTimeZone()).isEqualTo(TimerScheduler.DEFAULT_TIME_ZONE).isEqualTo(ZoneId.of("UTC"));
		assertThat(properties.getCheckInterval()).isEqualTo(TimerScheduler.DEFAULT_CHECK_INTERVAL);
		assertThat(properties.getShutdownTimeout()).isEqualTo(TimerScheduler.DEFAULT_SHUTDOWN_TIMEOUT);
		assertThat(properties.getMonitorDirectory()).isNull();
		assertThat(properties.getJdbc().isEnabled()).isTrue();
		assertThat(properties.getJdbc().isInitializeSchema()).isTrue();
		assertThat(properties.getJdbc().getLockTable()).isEqualTo(TimerJdbcSchema.DEFAULT_LOCK_TABLE);
		assertThat(properties.getJdbc().getStatusTable()).isEqualTo(TimerJdbcSchema.DEFAULT_STATUS_TABLE);
		assertThat(properties.getJdbc().getLockAtMostFor())
			.isGreaterThanOrEqualTo(ShedLockTimerLock.MIN_LOCK_AT_MOST_FOR);
	}

	@Test
	void bindsDurationsZonesAndPaths() {
		Map<String, String> values = Map.of("funcboot.timer.time-zone", "Europe/Berlin",
				"funcboot.timer.check-interval", "250ms", "funcboot.timer.shutdown-timeout", "5s",
				"funcboot.timer.monitor-directory", "/var/lib/app/timers", "funcboot.timer.jdbc.lock-at-most-for",
				"10m", "funcboot.timer.jdbc.status-table", "ops.timer_status");
		TimerProperties properties = new Binder(new MapConfigurationPropertySource(values))
			.bind("funcboot.timer", TimerProperties.class)
			.get();
		assertThat(properties.getTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(properties.getCheckInterval()).isEqualTo(Duration.ofMillis(250));
		assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.getMonitorDirectory()).isEqualTo(Path.of("/var/lib/app/timers"));
		assertThat(properties.getJdbc().getLockAtMostFor()).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.getJdbc().getStatusTable()).isEqualTo("ops.timer_status");
	}

}
