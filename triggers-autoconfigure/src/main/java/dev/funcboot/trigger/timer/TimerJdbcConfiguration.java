package dev.funcboot.trigger.timer;

import javax.sql.DataSource;

import dev.funcboot.autoconfigure.FunctionBindingRegistry;
import dev.funcboot.functions.binding.FunctionBinding;
import dev.funcboot.functions.binding.TimerTriggerBinding;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replicas coordinate through the application's DataSource: a ShedLock row per timer and a
 * status table. Imported before {@link TimerInProcessConfiguration}, whose beans then back off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.jdbc.core.JdbcTemplate",
		"net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider" })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "funcboot.timer.jdbc.enabled", matchIfMissing = true)
class TimerJdbcConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TimerJdbcSchema funcbootTimerJdbcSchema(DataSource dataSource, TimerProperties properties,
			FunctionBindingRegistry registry) {
		TimerProperties.Jdbc jdbc = properties.getJdbc();
		TimerJdbcSchema schema = new TimerJdbcSchema(new JdbcTemplate(dataSource), jdbc.getLockTable(),
				jdbc.getStatusTable());
		// an application without timer functions gets no tables in its database
		boolean hasTimers = registry.ofType(TimerTriggerBinding.TYPE).stream().anyMatch(FunctionBinding::enabled);
		if (jdbc.isInitializeSchema() && hasTimers) {
			schema.initialize();
		}
		return schema;
	}

	@Bean
	@ConditionalOnMissingBean
	TimerLock funcbootTimerLock(DataSource dataSource, TimerJdbcSchema schema, TimerProperties properties) {
		return new ShedLockTimerLock(dataSource, schema.lockTable(), properties.getJdbc().getLockAtMostFor());
	}

	@Bean
	@ConditionalOnMissingBean
	TimerStatusStore funcbootTimerStatusStore(DataSource dataSource, TimerJdbcSchema schema) {
		return new JdbcTimerStatusStore(new JdbcTemplate(dataSource), schema.statusTable());
	}

}
