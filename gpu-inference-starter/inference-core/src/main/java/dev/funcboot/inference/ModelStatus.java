package dev.funcboot.inference;

/** Where a model is in its life. */
public enum ModelStatus {

	/** Registered; its file is being fetched, loaded and warmed up. Requests get a 503-like retry. */
	LOADING,

	/** Serving requests. */
	READY,

	/** Could not be loaded; the reason says why. The application keeps running without it. */
	FAILED,

	/** Shut down with the application. */
	CLOSED

}
