package io.chokepoint.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;
import io.chokepoint.registry.web.Problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads FollowTheMoney entities, one JSON object per line (as OpenSanctions exports them). People,
 * organizations, vessels and aircraft become entries; Address, Sanction and Identification/Passport entities
 * are folded into the entries that refer to them; other schemas (ownerships, family ties, ...) are skipped.
 */
public final class FtmJsonParser {

    public static final String DEFAULT_SOURCE = "FTM";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Map<String, EntityType> TYPES = Map.of(
            "Person", EntityType.PERSON, "Organization", EntityType.ORGANIZATION,
            "Company", EntityType.ORGANIZATION, "LegalEntity", EntityType.ORGANIZATION,
            "PublicBody", EntityType.ORGANIZATION, "Vessel", EntityType.VESSEL, "Airplane", EntityType.AIRCRAFT);
    /** Properties that hold an identifier, stored under the property's name as scheme. */
    private static final List<String> IDENTIFIER_PROPERTIES = List.of("registrationNumber", "taxNumber", "idNumber",
            "passportNumber", "innCode", "ogrnCode", "okpoCode", "leiCode", "swiftBic", "vatCode", "dunsCode",
            "uniqueEntityId", "npiCode", "imoNumber", "mmsi", "callSign", "serialNumber", "bikCode", "kppCode");
    private static final List<String> COUNTRY_PROPERTIES = List.of("country", "nationality", "citizenship",
            "jurisdiction", "mainCountry", "flag");
    private static final int MAX_SOURCE_ID = 128;

    private final ImportProblems problems;
    private final String source;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    /** Address entities by their id and by their referents: entries may refer to either. */
    private final Map<String, Address> addresses = new HashMap<>();
    private final List<JsonNode> attachments = new ArrayList<>();

    public FtmJsonParser(ImportProblems problems, String source) {
        this.problems = problems;
        this.source = source;
    }

    public ParsedList parse(ImportFile file) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.open(), StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            boolean first = true;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                if (!line(file, line, text) && first) {
                    break; // a first line that is no entity: another format, one problem is enough
                }
                first = false;
            }
        } catch (IOException e) {
            problems.add(file.part(), "cannot be read: " + e.getMessage());
        }
        if (candidates.isEmpty() && problems.isEmpty()) {
            problems.add(file.part(), "holds no Person, Organization, Company, LegalEntity, PublicBody, Vessel or Airplane");
        }
        problems.throwIfAny();
        attachments.forEach(this::attach);
        List<ImportedEntity> entities = candidates.values().stream().map(this::toImported).toList();
        return new ParsedList(source, "FollowTheMoney import of " + file.label() + " (" + entities.size()
                + " entities)", entities);
    }

    /** Reads one line; false if it is no entity at all. */
    private boolean line(ImportFile file, int line, String text) {
        if (text.stripLeading().startsWith("<")) {
            problems.add(file.part(), "line " + line + " is XML, not FollowTheMoney JSON"
                    + " (a UN list is imported with format=un-xml)");
            return false;
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            problems.add(file.part(), "line " + line + " is not JSON" + column + " (" + e.getOriginalMessage()
                    + "): " + ImportProblems.prefix(text));
            return false;
        }
        String id = node.isObject() ? node.path("id").asText(null) : null;
        String schema = node.isObject() ? node.path("schema").asText(null) : null;
        if (id == null || id.isBlank() || schema == null || schema.isBlank()) {
            problems.add(file.part(), "line " + line + " is no FollowTheMoney entity (an object with id and schema): "
                    + ImportProblems.prefix(text));
            return false;
        }
        if (id.length() > MAX_SOURCE_ID) {
            problems.add(file.part(), "line " + line + ": id is longer than " + MAX_SOURCE_ID + " characters");
            return true;
        }
        entity(file, line, id, schema, node);
        return true;
    }

    private void entity(ImportFile file, int line, String id, String schema, JsonNode node) {
        JsonNode properties = node.path("properties");
        EntityType type = TYPES.get(schema);
        if (type != null) {
            Candidate previous = candidates.putIfAbsent(id, new Candidate(id, type, line, node));
            if (previous != null) {
                problems.add(file.part(), "line " + line + ": id " + id + " appears a second time (first on line "
                        + previous.line + ")");
            } else if (names(properties, node).isEmpty()) {
                problems.add(file.part(), "line " + line + ": " + schema + " " + id + " has no name");
            }
        } else if (schema.equals("Address")) {
            Address address = address(properties);
            addresses.put(id, address);
            node.path("referents").forEach(r -> addresses.put(r.asText(), address));
        } else if (schema.equals("Sanction") || schema.equals("Identification") || schema.equals("Passport")) {
            attachments.add(node);
        }
    }

    /** Folds a Sanction (programs, listing date) or an identity document into the entry it names. */
    private void attach(JsonNode node) {
        JsonNode p = node.path("properties");
        boolean sanction = node.path("schema").asText().equals("Sanction");
        for (String ref : strings(p, sanction ? "entity" : "holder")) {
            Candidate target = candidates.get(ref);
            if (target == null) {
                continue;
            }
            if (sanction) {
                target.programs.addAll(strings(p, "program"));
                dates(p, "listingDate", "startDate").stream().findFirst().ifPresent(d -> target.listedOn.add(d));
            } else {
                String country = country(first(p, "country"));
                String scheme = first(p, "type") == null ? node.path("schema").asText() : first(p, "type");
                strings(p, "number").forEach(n -> target.documents.add(new Identifier(scheme, n, country)));
            }
        }
    }

    private ImportedEntity toImported(Candidate c) {
        JsonNode p = c.node.path("properties");
        List<String> names = names(p, c.node);
        String name = names.get(0);
        List<Alias> aliases = new ArrayList<>();
        names.stream().skip(1).forEach(n -> aliases.add(new Alias(n, Alias.Strength.STRONG)));
        strings(p, "alias").forEach(n -> aliases.add(new Alias(n, Alias.Strength.STRONG)));
        strings(p, "previousName").forEach(n -> aliases.add(new Alias(n, Alias.Strength.STRONG)));
        strings(p, "weakAlias").forEach(n -> aliases.add(new Alias(n, Alias.Strength.WEAK)));
        aliases.removeIf(a -> a.name().equals(name));
        List<String> countries = new ArrayList<>();
        COUNTRY_PROPERTIES.forEach(key -> strings(p, key).stream().map(FtmJsonParser::country)
                .filter(Objects::nonNull).forEach(countries::add));
        List<Address> entityAddresses = new ArrayList<>();
        strings(p, "addressEntity").stream().map(addresses::get).filter(Objects::nonNull).forEach(entityAddresses::add);
        strings(p, "address").forEach(a -> entityAddresses.add(new Address(a, null, null, null, null)));
        entityAddresses.stream().map(Address::country).filter(Objects::nonNull).forEach(countries::add);
        List<Identifier> identifiers = new ArrayList<>();
        IDENTIFIER_PROPERTIES.forEach(key -> strings(p, key).forEach(v -> identifiers.add(new Identifier(key, v))));
        identifiers.addAll(c.documents);
        List<String> programs = new ArrayList<>(strings(p, "program"));
        programs.addAll(c.programs);
        LocalDate listedOn = c.listedOn.stream().min(LocalDate::compareTo)
                .orElse(dates(p, "listingDate", "createdAt").stream().findFirst().orElse(null));
        return new ImportedEntity(source, c.id, c.type, name, aliases, countries, entityAddresses, identifiers,
                programs, remarks(p), listedOn);
    }

    private static String remarks(JsonNode p) {
        List<String> parts = new ArrayList<>();
        String[][] labelled = {{"DOB", "birthDate"}, {"POB", "birthPlace"}, {"Gender", "gender"},
                {"Title", "title"}, {"Position", "position"}, {"Incorporated", "incorporationDate"}};
        for (String[] l : labelled) {
            List<String> values = strings(p, l[1]);
            if (!values.isEmpty()) {
                parts.add(l[0] + " " + String.join(", ", values));
            }
        }
        parts.addAll(strings(p, "notes"));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The caption first (FtM's display name), then the other names; people without one get first + last. */
    private static List<String> names(JsonNode p, JsonNode node) {
        List<String> names = new ArrayList<>();
        String caption = node.path("caption").asText(null);
        if (caption != null && !caption.isBlank()) {
            names.add(caption.trim());
        }
        for (String n : strings(p, "name")) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty() && (first(p, "firstName") != null || first(p, "lastName") != null)) {
            names.add(String.join(" ", List.of(Objects.toString(first(p, "firstName"), ""),
                    Objects.toString(first(p, "lastName"), ""))).trim());
        }
        return names;
    }

    private static Address address(JsonNode p) {
        String street = first(p, "street") != null ? first(p, "street") : first(p, "full");
        return new Address(street, first(p, "city"), first(p, "region") != null ? first(p, "region") : first(p, "state"),
                first(p, "postalCode"), country(first(p, "country")));
    }

    /** FtM writes countries as lower-case ISO codes, plus a few of its own ("suhh") that name no country today. */
    private static String country(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Problems.isCountry(upper) ? upper : CountryNames.code(value);
    }

    private static List<LocalDate> dates(JsonNode p, String... keys) {
        List<LocalDate> dates = new ArrayList<>();
        for (String key : keys) {
            for (String value : strings(p, key)) {
                try {
                    if (value.length() >= 10) {
                        dates.add(LocalDate.parse(value.substring(0, 10)));
                    }
                } catch (DateTimeParseException e) {
                    // partial dates ("1971", "1971-01") say too little for a listing date
                }
            }
        }
        return dates;
    }

    private static List<String> strings(JsonNode p, String key) {
        List<String> values = new ArrayList<>();
        JsonNode node = p.path(key);
        if (node.isArray()) {
            node.forEach(v -> add(values, v.asText(null)));
        } else if (node.isValueNode()) {
            add(values, node.asText(null));
        }
        return values;
    }

    private static void add(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.trim());
        }
    }

    private static String first(JsonNode p, String key) {
        List<String> values = strings(p, key);
        return values.isEmpty() ? null : values.get(0);
    }

    /** An entry while the file is read: Sanction and document entities may come after it. */
    private static final class Candidate {
        final String id;
        final EntityType type;
        final int line;
        final JsonNode node;
        final List<String> programs = new ArrayList<>();
        final List<LocalDate> listedOn = new ArrayList<>();
        final List<Identifier> documents = new ArrayList<>();

        Candidate(String id, EntityType type, int line, JsonNode node) {
            this.id = id;
            this.type = type;
            this.line = line;
            this.node = node;
        }
    }
}
