package dev.funcboot.trigger.timer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One instance: an in-process lock, and statuses in files or memory. */
@Configuration(proxyBeanMethods = false)
class TimerInProcessConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TimerLock funcbootTimerLock() {
		return new InProcessTimerLock();
	}

	@Bean
	@ConditionalOnMissingBean
	TimerStatusStore funcbootTimerStatusStore(TimerProperties properties) {
		return (properties.getMonitorDirectory() != null)
				? new FileTimerStatusStore(properties.getMonitorDirectory()) : new InMemoryTimerStatusStore();
	}

}
