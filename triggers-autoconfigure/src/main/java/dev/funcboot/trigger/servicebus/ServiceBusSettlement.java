package dev.funcboot.trigger.servicebus;

import java.util.Map;

import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.models.AbandonOptions;
import com.azure.messaging.servicebus.models.DeadLetterOptions;

/** The three ways Funcboot settles a Service Bus message (peek-lock, auto-complete off). */
public interface ServiceBusSettlement {

	void complete();

	/** Gives the lock up: the message comes again at once, its delivery count one higher. */
	void abandon(Map<String, Object> properties);

	/** Moves it to the entity's dead-letter sub-queue ({@code <entity>/$deadletterqueue}). */
	void deadLetter(String reason, String description, Map<String, Object> properties);

	/** Settles through the SDK's received-message context of the binder's processor. */
	static ServiceBusSettlement of(ServiceBusReceivedMessageContext context) {
		return new ServiceBusSettlement() {

			@Override
			public void complete() {
				context.complete();
			}

			@Override
			public void abandon(Map<String, Object> properties) {
				context.abandon(new AbandonOptions().setPropertiesToModify(properties));
			}

			@Override
			public void deadLetter(String reason, String description, Map<String, Object> properties) {
				context.deadLetter(new DeadLetterOptions().setDeadLetterReason(reason)
					.setDeadLetterErrorDescription(description)
					.setPropertiesToModify(properties));
			}

		};
	}

}
