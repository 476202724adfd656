package io.chokepoint.registry.imports;

import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the UN Security Council consolidated list (CONSOLIDATED_LIST > INDIVIDUALS/INDIVIDUAL, ENTITIES/ENTITY)
 * with a streaming parser that refuses DTDs and external entities, one entry in memory at a time.
 */
public final class UnXmlParser {

    public static final String SOURCE = "UN-SC";
    private static final String ROOT = "CONSOLIDATED_LIST";

    private final ImportProblems problems;
    private final List<ImportedEntity> entities = new ArrayList<>();
    private final Map<String, Integer> lineOf = new HashMap<>();

    public UnXmlParser(ImportProblems problems) {
        this.problems = problems;
    }

    public ParsedList parse(ImportFile file) {
        try (InputStream in = file.open()) {
            XMLStreamReader reader = factory().createXMLStreamReader(in);
            try {
                read(file, reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            problems.add(file.part(), "is not well-formed XML" + at(e.getLocation()) + ": " + reason(e));
        } catch (IOException e) {
            problems.add(file.part(), "cannot be read: " + e.getMessage());
        }
        if (entities.isEmpty() && problems.isEmpty()) {
            problems.add(file.part(), "holds no INDIVIDUAL or ENTITY");
        }
        problems.throwIfAny();
        long people = entities.stream().filter(e -> e.type() == EntityType.PERSON).count();
        String description = "UN Security Council consolidated list import of " + file.label() + " (" + people
                + " individuals, " + (entities.size() - people) + " entities)";
        return new ParsedList(SOURCE, description, entities);
    }

    /** A parser that reads no DTD and resolves no entity: no XXE, no entity expansion bombs. */
    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // this implementation does not know the property; the two standard ones above already forbid DTDs
        }
    }

    private void read(ImportFile file, XMLStreamReader reader) throws XMLStreamException {
        boolean rootSeen = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                problems.add(file.part(), "declares a DTD" + at(reader.getLocation())
                        + "; DTDs and entities are not accepted");
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = reader.getLocalName();
            if (!rootSeen) {
                rootSeen = true;
                if (!ROOT.equals(name)) {
                    problems.add(file.part(), "has root element <" + name + ">, not <" + ROOT
                            + ">: not a UN Security Council consolidated list");
                    return;
                }
            } else if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                int line = reader.getLocation().getLineNumber();
                entry(file, line, XmlNode.read(reader));
            }
        }
    }

    private void entry(ImportFile file, int line, XmlNode node) {
        String reference = node.text("REFERENCE_NUMBER");
        boolean person = node.name().equals("INDIVIDUAL");
        String name = person
                ? joined(" ", Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME").map(node::text))
                : node.text("FIRST_NAME");
        if (reference == null) {
            problems.add(file.part(), node.name() + " at line " + line + " has no REFERENCE_NUMBER");
            return;
        }
        if (name == null) {
            problems.add(file.part(), node.name() + " " + reference + " at line " + line + " has no name");
            return;
        }
        Integer previous = lineOf.putIfAbsent(reference, line);
        if (previous != null) {
            problems.add(file.part(), node.name() + " at line " + line + ": REFERENCE_NUMBER " + reference
                    + " appears a second time (first at line " + previous + ")");
            return;
        }
        String prefix = person ? "INDIVIDUAL" : "ENTITY";
        List<Address> addresses = node.all(prefix + "_ADDRESS").stream().map(UnXmlParser::address)
                .filter(Objects::nonNull).toList();
        List<String> countries = new ArrayList<>();
        node.values("NATIONALITY").stream().map(CountryNames::code).filter(Objects::nonNull).forEach(countries::add);
        addresses.stream().map(Address::country).filter(Objects::nonNull).forEach(countries::add);
        List<String> programs = node.text("UN_LIST_TYPE") == null ? List.of() : List.of(node.text("UN_LIST_TYPE"));
        entities.add(new ImportedEntity(SOURCE, reference, person ? EntityType.PERSON : EntityType.ORGANIZATION,
                name, aliases(node, prefix, name), countries, addresses, documents(node, prefix), programs,
                remarks(node, prefix), date(node.text("LISTED_ON"))));
    }

    /** QUALITY "Low" marks a weak alias; "Good", "a.k.a.", "f.k.a." are strong. */
    private static List<Alias> aliases(XmlNode node, String prefix, String name) {
        List<Alias> aliases = new ArrayList<>();
        String original = node.text("NAME_ORIGINAL_SCRIPT");
        if (original != null) {
            aliases.add(new Alias(original, Alias.Strength.STRONG));
        }
        for (XmlNode alias : node.all(prefix + "_ALIAS")) {
            String aliasName = alias.text("ALIAS_NAME");
            if (aliasName == null || aliasName.equalsIgnoreCase(name)) {
                continue;
            }
            boolean weak = "low".equalsIgnoreCase(alias.text("QUALITY"));
            aliases.add(new Alias(aliasName, weak ? Alias.Strength.WEAK : Alias.Strength.STRONG));
        }
        return aliases;
    }

    private static Address address(XmlNode a) {
        String country = a.text("COUNTRY");
        String code = CountryNames.code(country);
        String region = code == null ? joined(", ", Stream.of(a.text("STATE_PROVINCE"), country))
                : a.text("STATE_PROVINCE");
        Address address = new Address(a.text("STREET"), a.text("CITY"), region, a.text("ZIP_CODE"), code);
        boolean empty = address.street() == null && address.city() == null && region == null && code == null
                && address.postalCode() == null;
        return empty ? null : address;
    }

    private static List<Identifier> documents(XmlNode node, String prefix) {
        List<Identifier> identifiers = new ArrayList<>();
        for (XmlNode document : node.all(prefix + "_DOCUMENT")) {
            String number = document.text("NUMBER");
            if (number == null) {
                continue;
            }
            String scheme = document.text("TYPE_OF_DOCUMENT");
            String issuer = document.text("ISSUING_COUNTRY") != null ? document.text("ISSUING_COUNTRY")
                    : document.text("COUNTRY_OF_ISSUE");
            identifiers.add(new Identifier(scheme == null ? "Document" : scheme, number, CountryNames.code(issuer)));
        }
        return identifiers;
    }

    /** What has no field of its own: titles, designations, gender, dates and places of birth, the comments. */
    private static String remarks(XmlNode node, String prefix) {
        List<String> parts = new ArrayList<>();
        addLabelled(parts, "Title", node.values("TITLE"));
        addLabelled(parts, "Designation", node.values("DESIGNATION"));
        addLabelled(parts, "Gender", node.text("GENDER") == null ? List.of() : List.of(node.text("GENDER")));
        for (XmlNode birth : node.all(prefix + "_DATE_OF_BIRTH")) {
            String dob = dateOfBirth(birth);
            if (dob != null) {
                parts.add("DOB " + dob);
            }
        }
        for (XmlNode place : node.all(prefix + "_PLACE_OF_BIRTH")) {
            String pob = joined(", ", Stream.of("STREET", "CITY", "STATE_PROVINCE", "COUNTRY").map(place::text));
            if (pob != null) {
                parts.add("POB " + pob);
            }
        }
        if (node.text("COMMENTS1") != null) {
            parts.add(node.text("COMMENTS1"));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String dateOfBirth(XmlNode birth) {
        String type = birth.text("TYPE_OF_DATE");
        String circa = "APPROXIMATELY".equalsIgnoreCase(type) ? "circa " : "";
        if (birth.text("DATE") != null) {
            return circa + birth.text("DATE");
        }
        if (birth.text("YEAR") != null) {
            return circa + birth.text("YEAR");
        }
        if (birth.text("FROM_YEAR") != null && birth.text("TO_YEAR") != null) {
            return "between " + birth.text("FROM_YEAR") + " and " + birth.text("TO_YEAR");
        }
        return null;
    }

    private static void addLabelled(List<String> parts, String label, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(label + ": " + String.join(", ", values));
        }
    }

    /** LISTED_ON is an ISO date; anything else is taken as no date rather than refusing the list. */
    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String joined(String separator, Stream<String> parts) {
        String joined = parts.filter(Objects::nonNull).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    private static String at(Location location) {
        return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The parser's own words, without the location it prefixes them with. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int index = message.indexOf("Message: ");
        return index >= 0 ? message.substring(index + "Message: ".length()).trim() : message;
    }
}
