package dev.funcboot.inference;

/**
 * A model's health: its status, the device it runs on (once known) and, when it failed, why.
 *
 * @param status where the model is in its life
 * @param device the device it runs on, e.g. {@code cpu()} or {@code gpu(0)}; {@code null} before
 * it is chosen
 * @param engine the DJL engine name
 * @param reason why it failed, or {@code null}
 */
public record ModelState(ModelStatus status, String device, String engine, String reason) {

	static ModelState loading(String engine) {
		return new ModelState(ModelStatus.LOADING, null, engine, null);
	}

	ModelState ready(String device) {
		return new ModelState(ModelStatus.READY, device, this.engine, null);
	}

	ModelState failed(String reason) {
		return new ModelState(ModelStatus.FAILED, this.device, this.engine, reason);
	}

	ModelState closed() {
		return new ModelState(ModelStatus.CLOSED, this.device, this.engine, this.reason);
	}

}
