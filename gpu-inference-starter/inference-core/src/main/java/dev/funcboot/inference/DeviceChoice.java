package dev.funcboot.inference;

import java.util.Locale;

import ai.djl.Device;

/**
 * Where a model runs: {@code auto} (the first GPU when the engine sees one, else the CPU),
 * {@code cpu}, {@code gpu} (GPU 0) or {@code gpu:N}. A GPU that the engine does not see is an
 * error, never a silent fall back to the CPU: only {@code auto} falls back.
 *
 * @param kind what was asked for
 * @param index the GPU index for {@link Kind#GPU}, else -1
 */
public record DeviceChoice(Kind kind, int index) {

	public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, -1);

	public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, -1);

	public enum Kind {

		AUTO, CPU, GPU

	}

	/** Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (case-insensitive). */
	public static DeviceChoice parse(String value) {
		String text = (value != null) ? value.trim().toLowerCase(Locale.ROOT) : "auto";
		if (text.isEmpty() || text.equals("auto")) {
			return AUTO;
		}
		if (text.equals("cpu")) {
			return CPU;
		}
		if (text.equals("gpu") || text.equals("cuda")) {
			return new DeviceChoice(Kind.GPU, 0);
		}
		if (text.startsWith("gpu:")) {
			try {
				int index = Integer.parseInt(text.substring(4));
				if (index >= 0) {
					return new DeviceChoice(Kind.GPU, index);
				}
			}
			catch (NumberFormatException ex) {
				// falls through to the error below
			}
		}
		throw new IllegalArgumentException("Device '" + value + "' is not one of auto, cpu, gpu, gpu:N");
	}

	/**
	 * The device to load on, given how many GPUs the engine sees.
	 * @throws IllegalStateException when a GPU is asked for that the engine does not see
	 */
	public Device resolve(String engine, int gpuCount) {
		return switch (this.kind) {
			case CPU -> Device.cpu();
			case AUTO -> (gpuCount > 0) ? Device.gpu(0) : Device.cpu();
			case GPU -> {
				if (this.index >= gpuCount) {
					throw new IllegalStateException("Device " + this + " was asked for, but the " + engine + " engine sees "
							+ gpuCount + " GPU(s). Use device 'auto' or 'cpu', or run with the CUDA natives "
							+ "(see benchmarks/gpu/run.sh) on a machine with a GPU");
				}
				yield Device.gpu(this.index);
			}
		};
	}

	@Override
	public String toString() {
		return (this.kind == Kind.GPU) ? "gpu:" + this.index : this.kind.name().toLowerCase(Locale.ROOT);
	}

}
