package dev.funcboot.inference;

/** The DJL engines a model can run on. */
public enum InferenceEngine {

	/** PyTorch (TorchScript {@code .pt} files); natives come from the bundled pytorch-native jar. */
	PYTORCH("PyTorch", ".pt"),

	/**
	 * ONNX Runtime ({@code .onnx} files); needs {@code ai.djl.onnxruntime:onnxruntime-engine} on
	 * the class path.
	 */
	ONNXRUNTIME("OnnxRuntime", ".onnx");

	private final String djlName;

	private final String extension;

	InferenceEngine(String djlName, String extension) {
		this.djlName = djlName;
		this.extension = extension;
	}

	/** The engine's name in DJL ({@code Engine.getEngine(name)}). */
	public String djlName() {
		return this.djlName;
	}

	/** The file extension of this engine's model files. */
	public String extension() {
		return this.extension;
	}

}
