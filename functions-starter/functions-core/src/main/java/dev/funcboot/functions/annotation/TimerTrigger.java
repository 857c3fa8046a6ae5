package dev.funcboot.functions.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a function bean on a schedule, once across all replicas of the application.
 *
 * <p>The schedule is a six-field NCRONTAB expression, seconds first
 * ({@code "0 *}{@code /5 * * * *"} is every five minutes), or a fixed interval as
 * {@code hh:mm:ss}. The function may take a {@code TimerInfo} (schedule status, past-due flag).
 * Properties under {@code funcboot.functions.<name>.timer.*} override these values.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TimerTrigger {

	/** The schedule: NCRONTAB with seconds first, or {@code hh:mm:ss}; placeholders allowed. */
	String value();

	/** Time zone id for the schedule; empty means {@code funcboot.timer.time-zone} (UTC by default). */
	String timeZone() default "";

	/** Whether to run once as soon as the application is ready, in addition to the schedule. */
	boolean runOnStartup() default false;

	/**
	 * Whether to persist the schedule status, so that an occurrence missed while the
	 * application was down fires once on start with {@code isPastDue = true}.
	 */
	boolean useMonitor() default true;

}
