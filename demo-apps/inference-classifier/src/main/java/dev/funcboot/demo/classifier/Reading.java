package dev.funcboot.demo.classifier;

/**
 * One sensor reading to classify.
 *
 * @param id the reading's id, echoed in its classification
 * @param features the 8 feature values the model takes
 */
public record Reading(String id, float[] features) {
}
