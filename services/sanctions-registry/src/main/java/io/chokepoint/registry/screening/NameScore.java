package io.chokepoint.registry.screening;

/**
 * How similar two normalised names are.
 *
 * @param score  0 to 1
 * @param detail the token pairs and the tokens left over, in words
 */
public record NameScore(double score, String detail) {
}
