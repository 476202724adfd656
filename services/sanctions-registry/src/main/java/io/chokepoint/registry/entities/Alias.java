package io.chokepoint.registry.entities;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Another name of an entity. Weak aliases (OFAC "weak AKA", UN "low quality") are vague and match with less weight. */
public record Alias(String name, Strength strength) {

    public enum Strength {
        STRONG,
        WEAK
    }

    @JsonIgnore
    public boolean weak() {
        return strength == Strength.WEAK;
    }
}
