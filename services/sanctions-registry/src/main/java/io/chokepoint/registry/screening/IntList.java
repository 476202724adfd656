package io.chokepoint.registry.screening;

import java.util.Arrays;

/** A growable list of ints: the index holds millions of postings, which boxed integers would triple. */
final class IntList {

    private int[] values;
    private int size;

    IntList() {
        this(4);
    }

    IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 1);
        }
        values[size++] = value;
    }

    /** Adds the value unless it is the last one added (postings receive a name's ids in order). */
    void addIfNotLast(int value) {
        if (size == 0 || values[size - 1] != value) {
            add(value);
        }
    }

    /** Removes one occurrence; order is not kept. */
    boolean removeValue(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                values[i] = values[--size];
                return true;
            }
        }
        return false;
    }

    boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    int pop() {
        return values[--size];
    }

    /** Frees the unused capacity of a list that is built once and then mostly read. */
    void trim() {
        if (values.length > size + 4) {
            values = Arrays.copyOf(values, Math.max(1, size));
        }
    }
}
