package io.chokepoint.registry.entities;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * A manual entry as written to {@code POST/PUT /api/v1/entities}; only name and type are required.
 * Fields are loose (strings) so that every problem is reported by {@link EntityRequestValidator}, not by Jackson.
 */
public record EntityRequest(
        String name,
        String type,
        List<AliasInput> aliases,
        List<String> countries,
        List<String> programs,
        List<Identifier> identifiers,
        List<Address> addresses,
        String remarks,
        String listedOn) {

    /** An alias, written either as a plain string (a strong alias) or as {"name", "strength"}. */
    public record AliasInput(String name, String strength) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public AliasInput {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static AliasInput of(String name) {
            return new AliasInput(name, null);
        }
    }
}
