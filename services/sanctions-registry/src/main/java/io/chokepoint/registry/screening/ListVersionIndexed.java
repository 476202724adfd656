package io.chokepoint.registry.screening;

/**
 * Fired once a committed list version is in the screening index, on the thread that committed it: from now on a
 * screening sees its changes. What must screen against a version (a rescreen) starts from here, not from the commit.
 */
public record ListVersionIndexed(String listVersion, long seq) {
}
