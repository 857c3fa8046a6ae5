package dev.funcboot.trigger.timer;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Ties the scheduler to the application: initializes it (and starts its thread unless
 * {@code funcboot.timer.auto-startup=false}) with the context, runs the run-on-startup timers when
 * the application is ready, and stops it, waiting for running timers, before the context closes.
 */
final class TimerSchedulerLifecycle
		implements SmartLifecycle, ApplicationListener<ApplicationReadyEvent>, ApplicationContextAware {

	private final TimerScheduler scheduler;

	private final boolean autoStartup;

	private ApplicationContext context;

	private volatile boolean running;

	TimerSchedulerLifecycle(TimerScheduler scheduler, boolean autoStartup) {
		this.scheduler = scheduler;
		this.autoStartup = autoStartup;
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void start() {
		this.scheduler.initialize();
		if (this.autoStartup) {
			this.scheduler.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.scheduler.close();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() == this.context) {
			this.scheduler.runOnStartup();
		}
	}

}
