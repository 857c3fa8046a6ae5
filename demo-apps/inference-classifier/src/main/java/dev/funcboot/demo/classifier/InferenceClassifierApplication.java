package dev.funcboot.demo.classifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sensor readings classified by a model: readings arrive on the Storage queue {@code readings}
 * (or over HTTP at {@code POST /api/classify}), the bundled TorchScript model
 * ({@code models/classifier.pt}, declared under {@code funcboot.inference.models.classifier})
 * scores them, and the labelled results go to the queue {@code classifications}. The model itself
 * is a function too: {@code POST /api/models/classifier} with 8 floats returns its 3 probabilities.
 */
@SpringBootApplication
public class InferenceClassifierApplication {

	public static void main(String[] args) {
		SpringApplication.run(InferenceClassifierApplication.class, args);
	}

}
