package dev.funcboot.inference.autoconfigure;

import java.util.List;

import dev.funcboot.inference.InferenceListener;
import dev.funcboot.inference.ModelState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Every {@link InferenceListener} bean; one that throws never breaks a request. */
final class CompositeInferenceListener implements InferenceListener {

	private static final Log logger = LogFactory.getLog(CompositeInferenceListener.class);

	private final List<InferenceListener> listeners;

	CompositeInferenceListener(List<InferenceListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void onStateChanged(String model, ModelState state) {
		each((listener) -> listener.onStateChanged(model, state));
	}

	@Override
	public void onBatch(String model, int size, long nanos) {
		each((listener) -> listener.onBatch(model, size, nanos));
	}

	@Override
	public void onRejected(String model) {
		each((listener) -> listener.onRejected(model));
	}

	@Override
	public void onCompleted(String model, long nanos, boolean success) {
		each((listener) -> listener.onCompleted(model, nanos, success));
	}

	private void each(java.util.function.Consumer<InferenceListener> call) {
		for (InferenceListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Inference listener " + listener + " failed", ex);
			}
		}
	}

}
