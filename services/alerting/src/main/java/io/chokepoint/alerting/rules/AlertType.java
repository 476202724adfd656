package io.chokepoint.alerting.rules;

import io.chokepoint.model.assessment.GoodsCategory;

/** The kinds of alert the rules raise, each triggered by one category of controlled goods. */
public enum AlertType {

    PRECURSOR_TO_SANCTIONED_PARTY(GoodsCategory.PRECURSOR, "controlled fentanyl precursor"),
    EQUIPMENT_TO_SANCTIONED_PARTY(GoodsCategory.TABLETING_EQUIPMENT, "tableting equipment");

    private final GoodsCategory trigger;
    private final String goodsLabel;

    AlertType(GoodsCategory trigger, String goodsLabel) {
        this.trigger = trigger;
        this.goodsLabel = goodsLabel;
    }

    /** The goods category whose presence, with a sanctioned party, raises this alert. */
    public GoodsCategory trigger() {
        return trigger;
    }

    /** How the triggering goods are named in an explanation. */
    public String goodsLabel() {
        return goodsLabel;
    }
}
