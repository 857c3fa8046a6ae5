package dev.funcboot.demo.classifier;

/**
 * The model's verdict on one reading.
 *
 * @param id the reading's id
 * @param label the most probable class
 * @param confidence its probability
 * @param probabilities every class's probability, in {@link ClassifierFunctions#LABELS} order
 */
public record Classification(String id, String label, float confidence, float[] probabilities) {
}
