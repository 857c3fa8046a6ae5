package dev.funcboot.trigger.timer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ShedLock row per timer in the shared database ({@code funcboot.timer.<name>}), with the
 * database's time, renewed while the timer runs. Lock leases follow real time, not the injected
 * clock: they only bound how long a dead replica blocks a timer, while exactly-once comes from the
 * status read under the lock.
 */
final class ShedLockTimerLock implements TimerLock, AutoCloseable {

	static final String LOCK_NAME_PREFIX = "funcboot.timer.";

	/** ShedLock's keep-alive renews no shorter lease. */
	static final Duration MIN_LOCK_AT_MOST_FOR = Duration.ofSeconds(30);

	private final LockProvider provider;

	private final ScheduledExecutorService renewer;

	private final Duration lockAtMostFor;

	ShedLockTimerLock(DataSource dataSource, String table, Duration lockAtMostFor) {
		if (lockAtMostFor == null || lockAtMostFor.compareTo(MIN_LOCK_AT_MOST_FOR) < 0) {
			throw new IllegalStateException("funcboot.timer.jdbc.lock-at-most-for must be at least "
					+ MIN_LOCK_AT_MOST_FOR.toSeconds() + "s, was " + lockAtMostFor);
		}
		this.lockAtMostFor = lockAtMostFor;
		JdbcTemplateLockProvider jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(table)
			.usingDbTime()
			.withThrowUnexpectedException(true)
			.build());
		this.renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "funcboot-timer-lock");
			thread.setDaemon(true);
			return thread;
		});
		this.provider = new KeepAliveLockProvider(jdbc, this.renewer);
	}

	@Override
	public Optional<Held> tryLock(String timer) {
		LockConfiguration configuration = new LockConfiguration(ClockProvider.now(), LOCK_NAME_PREFIX + timer,
				this.lockAtMostFor, Duration.ZERO);
		return this.provider.lock(configuration).map((lock) -> lock::unlock);
	}

	@Override
	public void close() {
		this.renewer.shutdownNow();
	}

}
