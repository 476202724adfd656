package io.chokepoint.model.assessment;

/** How a goods line is controlled. */
public enum GoodsCategory {
    /** A fentanyl precursor in Table I of the 1988 Convention. */
    PRECURSOR(true),
    /** Tablet presses, encapsulating machines, their punches and dies. */
    TABLETING_EQUIPMENT(true),
    /** A chemical on a special surveillance list: watched, not controlled. */
    SURVEILLANCE(false),
    /** Nothing the catalog knows. */
    NONE(false);

    private final boolean controlled;

    GoodsCategory(boolean controlled) {
        this.controlled = controlled;
    }

    public boolean isControlled() {
        return controlled;
    }
}
