package dev.funcboot.inference.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ai.djl.ndarray.NDList;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;

/**
 * A user translator for the 4-in, 3-out linear model that holds each request at a gate: tests
 * use it to keep the one worker busy while the queue fills up.
 */
class GateTranslator implements Translator<float[], float[]> {

	volatile CountDownLatch entered = new CountDownLatch(1);

	volatile CountDownLatch gate = new CountDownLatch(0);

	@Override
	public NDList processInput(TranslatorContext ctx, float[] input) throws InterruptedException {
		this.entered.countDown();
		if (!this.gate.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the test never opened the gate");
		}
		return new NDList(ctx.getNDManager().create(input));
	}

	@Override
	public float[] processOutput(TranslatorContext ctx, NDList list) {
		return list.get(0).toFloatArray();
	}

}
