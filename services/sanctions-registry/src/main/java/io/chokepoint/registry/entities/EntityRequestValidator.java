package io.chokepoint.registry.entities;

import io.chokepoint.registry.web.Problems;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Checks a manual entry against {@link EntityLimits} and turns it into entity content: trimmed, countries
 * upper-case, duplicates removed.
 */
final class EntityRequestValidator {

    private final EntityLimits limits;
    private final Problems problems = new Problems();

    private EntityRequestValidator(EntityLimits limits) {
        this.limits = limits;
    }

    static EntityContent validate(EntityRequest request, EntityLimits limits) {
        return new EntityRequestValidator(limits).validate(request);
    }

    private EntityContent validate(EntityRequest request) {
        if (request == null) {
            problems.add("body", "a JSON object is required");
            problems.throwIfAny();
        }
        problems.requireText("name", request.name(), limits.maxNameLength());
        EntityType type = problems.parseEnum("type", request.type(), EntityType.class, true);
        List<Alias> aliases = each("aliases", request.aliases(), this::alias);
        List<String> countries = each("countries", request.countries(),
                (field, c) -> problems.checkCountry(field, c) ? c.trim().toUpperCase(Locale.ROOT) : null);
        List<String> programs = each("programs", request.programs(),
                (field, p) -> problems.requireText(field, p, limits.maxProgramLength()) ? p.trim() : null);
        List<Identifier> identifiers = each("identifiers", request.identifiers(), this::identifier);
        List<Address> addresses = each("addresses", request.addresses(), this::address);
        problems.checkLength("remarks", request.remarks(), limits.maxRemarksLength());
        LocalDate listedOn = date("listedOn", request.listedOn());
        problems.throwIfAny();
        return new EntityContent(type, request.name().trim(), aliases, countries, addresses, identifiers, programs,
                blankToNull(request.remarks()), listedOn);
    }

    private Alias alias(String field, EntityRequest.AliasInput input) {
        boolean named = problems.requireText(field + ".name", input.name(), limits.maxNameLength());
        Alias.Strength strength = problems.parseEnum(field + ".strength", input.strength(), Alias.Strength.class, false);
        if (!named || (input.strength() != null && !input.strength().isBlank() && strength == null)) {
            return null;
        }
        return new Alias(input.name().trim(), strength == null ? Alias.Strength.STRONG : strength);
    }

    private Identifier identifier(String field, Identifier input) {
        boolean scheme = problems.requireText(field + ".scheme", input.scheme(), limits.maxIdentifierLength());
        boolean value = problems.requireText(field + ".value", input.value(), limits.maxIdentifierLength());
        boolean country = problems.checkCountry(field + ".country", input.country());
        if (!scheme || !value || !country) {
            return null;
        }
        String issuer = input.country() == null ? null : input.country().trim().toUpperCase(Locale.ROOT);
        return new Identifier(input.scheme().trim(), input.value().trim(), issuer);
    }

    private Address address(String field, Address input) {
        boolean valid = problems.checkCountry(field + ".country", input.country());
        int max = limits.maxAddressLength();
        valid &= problems.checkLength(field + ".street", input.street(), max);
        valid &= problems.checkLength(field + ".city", input.city(), max);
        valid &= problems.checkLength(field + ".region", input.region(), max);
        valid &= problems.checkLength(field + ".postalCode", input.postalCode(), max);
        if (!valid) {
            return null;
        }
        String country = input.country() == null ? null : input.country().trim().toUpperCase(Locale.ROOT);
        return new Address(blankToNull(input.street()), blankToNull(input.city()), blankToNull(input.region()),
                blankToNull(input.postalCode()), country);
    }

    /**
     * Validates every element of an optional list; null elements are problems, duplicates are dropped. A list over
     * the size limit is refused as a whole, its elements unread.
     */
    private <I, O> List<O> each(String field, List<I> inputs, BiFunction<String, I, O> convert) {
        if (inputs == null) {
            return List.of();
        }
        if (inputs.size() > limits.maxListSize()) {
            problems.add(field, "holds " + inputs.size() + " elements, at most " + limits.maxListSize()
                    + " are allowed");
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

    private LocalDate date(String field, String value) {
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
