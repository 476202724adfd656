package io.chokepoint.registry.screening;

import java.util.Arrays;

/**
 * For one query: the similarity of each of its words to every vocabulary word the index found for it (itself, its
 * typo variants, its consonant skeleton's words), by vocabulary id. The scorer reads pairs from here instead of
 * comparing every word of every candidate again. A small open-addressing table: a query finds a few dozen words.
 */
final class WordMatches {

    private final int queryWords;
    private int[] ids = new int[64];
    private double[][] similarities = new double[64][];
    private int size;

    WordMatches(int queryWords) {
        this.queryWords = queryWords;
        Arrays.fill(ids, -1);
    }

    /** Records that query word {@code word} matches vocabulary word {@code id}, keeping the best similarity. */
    void put(int id, int word, double similarity) {
        if (2 * (size + 1) > ids.length) {
            grow();
        }
        int slot = slot(id);
        if (ids[slot] != id) {
            ids[slot] = id;
            similarities[slot] = new double[queryWords];
            size++;
        }
        similarities[slot][word] = Math.max(similarities[slot][word], similarity);
    }

    /** The similarity of each query word to this vocabulary word, or null if the index found it for none. */
    double[] get(int id) {
        int slot = slot(id);
        return ids[slot] == id ? similarities[slot] : null;
    }

    private int slot(int id) {
        int mask = ids.length - 1;
        int hash = id * 0x9E3779B1;
        int slot = (hash ^ hash >>> 16) & mask;
        while (ids[slot] != -1 && ids[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldIds = ids;
        double[][] oldSimilarities = similarities;
        ids = new int[oldIds.length * 2];
        similarities = new double[oldIds.length * 2][];
        Arrays.fill(ids, -1);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != -1) {
                int slot = slot(oldIds[i]);
                ids[slot] = oldIds[i];
                similarities[slot] = oldSimilarities[i];
            }
        }
    }
}
