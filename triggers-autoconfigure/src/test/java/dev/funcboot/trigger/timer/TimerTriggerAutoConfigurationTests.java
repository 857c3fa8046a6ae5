package dev.funcboot.trigger.timer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.autoconfigure.FunctionsAutoConfiguration;
import dev.funcboot.functions.annotation.TimerTrigger;
import dev.funcboot.functions.binding.TimerTriggerBinding;
import dev.funcboot.functions.timer.TimerInfo;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class TimerTriggerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
				FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
		.withPropertyValues("funcboot.timer.auto-startup=false")
		.withBean(Clock.class, () -> MutableClock.at("2025-01-01T00:00:30Z"))
		.withUserConfiguration(TickConfiguration.class);

	@Test
	void schedulerWithInProcessLockAndMemoryStatusWithoutDataSource() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(TimerScheduler.class);
			assertThat(context).hasSingleBean(TimerSchedulerLifecycle.class);
			assertThat(context).getBean(TimerLock.class).isInstanceOf(InProcessTimerLock.class);
			assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(InMemoryTimerStatusStore.class);
			assertThat(context.getBean(TimerScheduler.class).timerNames()).containsExactly("tick");
		});
	}

	@Test
	void fileStatusWhenMonitorDirectoryIsSet(@TempDir Path directory) {
		this.runner.withPropertyValues("funcboot.timer.monitor-directory=" + directory).run((context) -> {
			assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(FileTimerStatusStore.class);
			assertThat(((FileTimerStatusStore) context.getBean(TimerStatusStore.class)).directory())
				.isEqualTo(directory);
		});
	}

	@Test
	void schedulerBacksOffWhenTimersAreDisabledButTheBindingStays() {
		this.runner.withPropertyValues("funcboot.timer.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(TimerScheduler.class);
			assertThat(context).doesNotHaveBean(TimerSchedulerLifecycle.class);
			assertThat(context).doesNotHaveBean(TimerLock.class);
			assertThat(context).doesNotHaveBean(TimerStatusStore.class);
			assertThat(context.getBean(FunctionBindingRegistry.class).get("tick").trigger())
				.isInstanceOf(TimerTriggerBinding.class);
		});
	}

	@Test
	void jdbcLockAndStatusWithDataSource() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(TimerLock.class).isInstanceOf(ShedLockTimerLock.class);
				assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(JdbcTimerStatusStore.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				// the monitor's first status is written on start, under the timer's lock
				assertThat(jdbc.queryForList("SELECT name FROM funcboot_timer_status", String.class))
					.containsExactly("tick");
				assertThat(jdbc.queryForList("SELECT name FROM shedlock", String.class))
					.containsExactly("funcboot.timer.tick");
			});
	}

	@Test
	void tableNamesAreConfigurable() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url(), "funcboot.timer.jdbc.lock-table=app_locks",
					"funcboot.timer.jdbc.status-table=app_timer_status")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("SELECT name FROM app_timer_status", String.class)).containsExactly("tick");
				assertThat(jdbc.queryForList("SELECT name FROM app_locks", String.class))
					.containsExactly("funcboot.timer.tick");
			});
	}

	@Test
	void invalidTableNameFailsTheStart() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url(), "funcboot.timer.jdbc.status-table=status; DROP TABLE x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("funcboot.timer.jdbc.status-table 'status; DROP TABLE x' is not a table name"));
	}

	@Test
	void withoutSchemaInitializationTheTablesAreNotCreated() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url(), "funcboot.timer.jdbc.initialize-schema=false")
			.run((context) -> {
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
						+ "WHERE LOWER(TABLE_NAME) IN ('shedlock', 'funcboot_timer_status')", Integer.class))
					.isZero();
			});
	}

	@Test
	void noTablesWithoutTimerFunctions() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, DataSourceAutoConfiguration.class,
					TimerTriggerAutoConfiguration.class))
			.withPropertyValues(h2Url())
			.run((context) -> {
				assertThat(context).getBean(TimerLock.class).isInstanceOf(ShedLockTimerLock.class);
				assertThat(context.getBean(TimerScheduler.class).timerNames()).isEmpty();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
						+ "WHERE LOWER(TABLE_NAME) IN ('shedlock', 'funcboot_timer_status')", Integer.class))
					.isZero();
			});
	}

	@Test
	void inProcessWhenJdbcCoordinationIsSwitchedOff() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url(), "funcboot.timer.jdbc.enabled=false")
			.run((context) -> {
				assertThat(context).getBean(TimerLock.class).isInstanceOf(InProcessTimerLock.class);
				assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(InMemoryTimerStatusStore.class);
			});
	}

	@Test
	void inProcessWhenShedLockIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplateLockProvider.class))
			.withBean(DataSource.class, TimerTriggerAutoConfigurationTests::h2DataSource)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(TimerLock.class).isInstanceOf(InProcessTimerLock.class);
				assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(InMemoryTimerStatusStore.class);
				assertThat(context).hasSingleBean(TimerScheduler.class);
			});
	}

	@Test
	void inProcessWhenSpringJdbcIsAbsent() {
		this.runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class))
			.withBean(DataSource.class, TimerTriggerAutoConfigurationTests::h2DataSource)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(TimerLock.class).isInstanceOf(InProcessTimerLock.class);
				assertThat(context).getBean(TimerStatusStore.class).isInstanceOf(InMemoryTimerStatusStore.class);
			});
	}

	@Test
	void userLockAndStoreWin() {
		TimerLock lock = (timer) -> java.util.Optional.of(() -> {
		});
		TimerStatusStore store = new InMemoryTimerStatusStore();
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues(h2Url())
			.withBean(TimerLock.class, () -> lock)
			.withBean(TimerStatusStore.class, () -> store)
			.run((context) -> {
				assertThat(context.getBean(TimerLock.class)).isSameAs(lock);
				assertThat(context.getBean(TimerStatusStore.class)).isSameAs(store);
			});
	}

	@Test
	void defaultTimeZoneComesFromTheProperty() {
		this.runner.withPropertyValues("funcboot.timer.time-zone=America/New_York").run((context) -> {
			TimerTriggerBinding binding = (TimerTriggerBinding) context.getBean(FunctionBindingRegistry.class)
				.get("tick")
				.trigger();
			assertThat(binding.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
			assertThat(context.getBean(TimerScheduler.class).describe("tick").timeZone())
				.isEqualTo(ZoneId.of("America/New_York"));
		});
	}

	@Test
	void invalidScheduleFailsTheStartNamingFunctionAndExpression() {
		this.runner.withPropertyValues("funcboot.functions.tick.timer.schedule=*/5 * * * *")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Function 'tick'")
				.hasMessageContaining("'*/5 * * * *'"));
	}

	@Test
	void timerFunctionWithAnInputATimerCannotProvideFailsTheStart() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ContextFunctionCatalogAutoConfiguration.class,
					FunctionsAutoConfiguration.class, TimerTriggerAutoConfiguration.class))
			.withPropertyValues("funcboot.timer.auto-startup=false")
			.withUserConfiguration(StringTimerConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Timer function 'words' takes java.lang.String")
				.hasMessageContaining("Consumer<TimerInfo>"));
	}

	private static String h2Url() {
		return "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	private static DataSource h2DataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class TickConfiguration {

		@Bean
		@TimerTrigger("0 */5 * * * *")
		Consumer<TimerInfo> tick() {
			return (info) -> {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StringTimerConfiguration {

		@Bean
		@TimerTrigger("0 */5 * * * *")
		Consumer<String> words() {
			return (text) -> {
			};
		}

	}

}
