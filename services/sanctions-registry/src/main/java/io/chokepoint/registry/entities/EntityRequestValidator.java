package io.chokepoint.registry.entities;

import io.chokepoint.registry.web.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Checks a manual entry and turns it into entity content: trimmed, countries upper-case, duplicates removed. */
final class EntityRequestValidator {

    private static final int MAX_NAME = 500;
    private static final int MAX_SHORT = 200;
    private static final int MAX_REMARKS = 4000;

    private EntityRequestValidator() {
    }

    static EntityContent validate(EntityRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("body", "a JSON object is required");
            problems.throwIfAny();
        }
        problems.requireText("name", request.name(), MAX_NAME);
        EntityType type = problems.parseEnum("type", request.type(), EntityType.class, true);
        List<Alias> aliases = each(problems, "aliases", request.aliases(), (field, a) -> alias(problems, field, a));
        List<String> countries = each(problems, "countries", request.countries(),
                (field, c) -> problems.checkCountry(field, c) ? c.trim().toUpperCase(Locale.ROOT) : null);
        List<String> programs = each(problems, "programs", request.programs(),
                (field, p) -> problems.requireText(field, p, MAX_SHORT) ? p.trim() : null);
        List<Identifier> identifiers = each(problems, "identifiers", request.identifiers(),
                (field, i) -> identifier(problems, field, i));
        List<Address> addresses = each(problems, "addresses", request.addresses(),
                (field, a) -> address(problems, field, a));
        problems.checkLength("remarks", request.remarks(), MAX_REMARKS);
        LocalDate listedOn = date(problems, "listedOn", request.listedOn());
        problems.throwIfAny();
        return new EntityContent(type, request.name().trim(), aliases, countries, addresses, identifiers, programs,
                blankToNull(request.remarks()), listedOn);
    }

    private static Alias alias(Problems problems, String field, EntityRequest.AliasInput input) {
        boolean named = problems.requireText(field + ".name", input.name(), MAX_NAME);
        Alias.Strength strength = problems.parseEnum(field + ".strength", input.strength(), Alias.Strength.class, false);
        if (!named || (input.strength() != null && !input.strength().isBlank() && strength == null)) {
            return null;
        }
        return new Alias(input.name().trim(), strength == null ? Alias.Strength.STRONG : strength);
    }

    private static Identifier identifier(Problems problems, String field, Identifier input) {
        boolean scheme = problems.requireText(field + ".scheme", input.scheme(), MAX_SHORT);
        boolean value = problems.requireText(field + ".value", input.value(), MAX_SHORT);
        boolean country = problems.checkCountry(field + ".country", input.country());
        if (!scheme || !value || !country) {
            return null;
        }
        String issuer = input.country() == null ? null : input.country().trim().toUpperCase(Locale.ROOT);
        return new Identifier(input.scheme().trim(), input.value().trim(), issuer);
    }

    private static Address address(Problems problems, String field, Address input) {
        boolean valid = problems.checkCountry(field + ".country", input.country());
        for (String part : new String[] {input.street(), input.city(), input.region(), input.postalCode()}) {
            valid &= problems.checkLength(field, part, MAX_REMARKS);
        }
        if (!valid) {
            return null;
        }
        String country = input.country() == null ? null : input.country().trim().toUpperCase(Locale.ROOT);
        return new Address(blankToNull(input.street()), blankToNull(input.city()), blankToNull(input.region()),
                blankToNull(input.postalCode()), country);
    }

    /** Validates every element of an optional list; null elements are problems, duplicates are dropped. */
    private static <I, O> List<O> each(Problems problems, String field, List<I> inputs,
                                       BiFunction<String, I, O> convert) {
        if (inputs == null) {
            return List.of();
        }
        LinkedHashSet<O> out = new LinkedHashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String elementField = field + "[" + i + "]";
            I input = inputs.get(i);
            if (input == null) {
                problems.add(elementField, "must not be null");
                continue;
            }
            O converted = convert.apply(elementField, input);
            if (converted != null) {
                out.add(converted);
            }
        }
        return new ArrayList<>(out);
    }

    private static LocalDate date(Problems problems, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be an ISO-8601 date (YYYY-MM-DD), got '" + value + "'");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
