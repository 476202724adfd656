package io.chokepoint.model.assessment;

/** An explainable risk signal beside the goods, such as a high-risk transshipment port. */
public record RiskIndicator(String code, String description, double weight) {
}
