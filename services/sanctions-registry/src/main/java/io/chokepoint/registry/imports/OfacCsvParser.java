package io.chokepoint.registry.imports;

import io.chokepoint.registry.entities.Address;
import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.EntityType;
import io.chokepoint.registry.entities.Identifier;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads OFAC's SDN list in its legacy CSV form: sdn.csv (the entries), alt.csv (their aliases), add.csv (their
 * addresses). Each file is streamed line by line; only the entries are kept in memory. Every problem is
 * collected, with its file, line and the start of the line, and the files are refused if there is any.
 */
public final class OfacCsvParser {

    public static final String SOURCE = "OFAC-SDN";
    static final int SDN_FIELDS = 12;
    static final int ALT_FIELDS = 5;
    static final int ADD_FIELDS = 6;
    /** OFAC writes these files in Windows-1252; a UTF-8 byte order mark says otherwise. */
    private static final Charset LEGACY = Charset.forName("windows-1252");
    private static final char END_OF_FILE = '\u001A';

    private final ImportProblems problems;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public OfacCsvParser(ImportProblems problems) {
        this.problems = problems;
    }

    public ParsedList parse(ImportFile sdn, ImportFile alt, ImportFile add) {
        read(sdn, SDN_FIELDS, this::entry);
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(sdn.part(), "holds no SDN entry");
        }
        read(alt, ALT_FIELDS, this::alias);
        read(add, ADD_FIELDS, this::address);
        problems.throwIfAny();
        List<ImportedEntity> imported = entries.values().stream().map(Entry::toImported).toList();
        String description = "OFAC SDN import of " + sdn.label() + ", " + alt.label() + ", " + add.label()
                + " (" + imported.size() + " entries)";
        return new ParsedList(SOURCE, description, imported);
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ImportFile file, int line, List<String> fields);
    }

    private void read(ImportFile file, int expected, RowHandler handler) {
        try (BufferedReader reader = reader(file.open())) {
            String text;
            int line = 0;
            boolean first = true;
            boolean end = false;
            while (!end && (text = reader.readLine()) != null) {
                line++;
                int marker = text.indexOf(END_OF_FILE);
                if (marker >= 0) {
                    text = text.substring(0, marker);
                    end = true;
                }
                if (text.isBlank()) {
                    continue;
                }
                if (first && !looksLikeCsv(file, text)) {
                    return;
                }
                first = false;
                row(file, line, text, expected, handler);
            }
        } catch (IOException e) {
            problems.add(file.part(), "cannot be read: " + e.getMessage());
        }
    }

    private void row(ImportFile file, int line, String text, int expected, RowHandler handler) {
        List<String> fields;
        try {
            fields = OfacCsvLine.split(text);
        } catch (IllegalArgumentException e) {
            problems.add(file.part(), "line " + line + ": " + e.getMessage() + ": " + ImportProblems.prefix(text));
            return;
        }
        if (fields.size() != expected) {
            problems.add(file.part(), "line " + line + " has " + fields.size() + " fields where " + expected
                    + " are expected (truncated line, or not the " + file.part() + " file?): " + ImportProblems.prefix(text));
            return;
        }
        handler.row(file, line, fields);
    }

    /** Catches the wrong file early: one problem instead of one per line. */
    private boolean looksLikeCsv(ImportFile file, String firstLine) {
        String start = firstLine.stripLeading();
        String problem = null;
        if (start.startsWith("<")) {
            problem = "is XML, not OFAC CSV (a UN list is imported with format=un-xml)";
        } else if (start.startsWith("{") || start.startsWith("[")) {
            problem = "is JSON, not OFAC CSV (FollowTheMoney entities are imported with format=ftm-json)";
        } else if (start.indexOf('\0') >= 0) {
            problem = "is binary, not OFAC CSV text";
        }
        if (problem != null) {
            problems.add(file.part(), problem);
            return false;
        }
        return true;
    }

    private void entry(ImportFile file, int line, List<String> f) {
        String where = "line " + line + ": ";
        String entNum = f.get(0);
        if (entNum == null || !entNum.matches("\\d{1,18}")) {
            problems.add(file.part(), where + "ent_num " + quote(entNum) + " is not a number");
            return;
        }
        if (f.get(1) == null) {
            problems.add(file.part(), where + "ent_num " + entNum + " has no SDN_Name");
            return;
        }
        EntityType type = type(f.get(2));
        if (type == null) {
            problems.add(file.part(), where + "ent_num " + entNum + " has an unknown SDN_Type " + quote(f.get(2))
                    + " (individual, vessel, aircraft or -0- expected)");
            return;
        }
        Entry previous = entries.putIfAbsent(entNum, new Entry(entNum, type, line, f));
        if (previous != null) {
            problems.add(file.part(), where + "ent_num " + entNum + " appears a second time (first on line "
                    + previous.line + ")");
        }
    }

    private void alias(ImportFile file, int line, List<String> f) {
        Entry entry = owner(file, line, f.get(0));
        if (entry == null) {
            return;
        }
        if (f.get(3) == null) {
            problems.add(file.part(), "line " + line + ": alias of ent_num " + f.get(0) + " has no alt_name");
            return;
        }
        String aliasType = f.get(2) == null ? "" : f.get(2).toLowerCase(Locale.ROOT);
        // aka, fka and nka are OFAC's strong aliases; weak ones usually live in the remarks, or say so here.
        Alias.Strength strength = aliasType.contains("weak") ? Alias.Strength.WEAK : Alias.Strength.STRONG;
        entry.aliases.add(new Alias(f.get(3), strength));
    }

    private void address(ImportFile file, int line, List<String> f) {
        Entry entry = owner(file, line, f.get(0));
        if (entry == null || (f.get(2) == null && f.get(3) == null && f.get(4) == null)) {
            return;
        }
        String country = f.get(4);
        String code = CountryNames.code(country);
        String region = null;
        if (country != null && country.startsWith("Region:")) {
            region = country.substring("Region:".length()).trim();
        } else if (code == null) {
            region = country; // no ISO code ("Netherlands Antilles"): kept as OFAC wrote it
        }
        entry.addresses.add(new Address(f.get(2), f.get(3), region, null, code));
    }

    private Entry owner(ImportFile file, int line, String entNum) {
        Entry entry = entNum == null ? null : entries.get(entNum);
        if (entry == null) {
            problems.add(file.part(), "line " + line + ": ent_num " + quote(entNum) + " is no entry of the sdn file");
        }
        return entry;
    }

    private static EntityType type(String sdnType) {
        if (sdnType == null) {
            return EntityType.ORGANIZATION;
        }
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.PERSON;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> null;
        };
    }

    private static BufferedReader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean utf8 = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        if (!utf8) {
            in.reset();
        }
        return new BufferedReader(new InputStreamReader(in, utf8 ? StandardCharsets.UTF_8 : LEGACY));
    }

    private static String quote(String value) {
        return value == null ? "-0-" : "'" + value + "'";
    }

    /** One SDN entry while its aliases and addresses are collected. */
    private static final class Entry {
        final String entNum;
        final EntityType type;
        final List<String> sdn;
        final List<Alias> aliases = new ArrayList<>();
        final List<Address> addresses = new ArrayList<>();
        final int line;

        Entry(String entNum, EntityType type, int line, List<String> sdn) {
            this.entNum = entNum;
            this.type = type;
            this.line = line;
            this.sdn = sdn;
        }

        ImportedEntity toImported() {
            String name = sdn.get(1);
            String remarks = sdn.get(11);
            OfacRemarks.Facts facts = OfacRemarks.read(remarks);
            List<Alias> allAliases = new ArrayList<>(aliases);
            allAliases.addAll(facts.weakAliases());
            allAliases.removeIf(a -> a.name().equalsIgnoreCase(name));
            List<String> countries = new ArrayList<>(facts.countries());
            addresses.stream().map(Address::country).filter(c -> c != null).forEach(countries::add);
            String flag = CountryNames.code(sdn.get(9));
            if (flag != null) {
                countries.add(flag);
            }
            List<Identifier> identifiers = new ArrayList<>(facts.identifiers());
            if (sdn.get(5) != null) {
                identifiers.add(new Identifier("Call Sign", sdn.get(5)));
            }
            return new ImportedEntity(SOURCE, entNum, type, name, allAliases, countries, addresses, identifiers,
                    programs(sdn.get(3)), remarks(), null);
        }

        /** OFAC's remarks as written, after what the columns say that no field of the entity holds. */
        private String remarks() {
            List<String> parts = new ArrayList<>();
            String[][] columns = {{"Title", sdn.get(4)}, {"Vessel type", sdn.get(6)}, {"Tonnage", sdn.get(7)},
                    {"GRT", sdn.get(8)}, {"Vessel flag", sdn.get(9)}, {"Vessel owner", sdn.get(10)}};
            for (String[] column : columns) {
                if (column[1] != null) {
                    parts.add(column[0] + ": " + column[1]);
                }
            }
            if (sdn.get(11) != null) {
                parts.add(sdn.get(11));
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }

        /** One or more programs, written {@code SDNTK] [FTO}. */
        private static List<String> programs(String column) {
            if (column == null) {
                return List.of();
            }
            List<String> programs = new ArrayList<>();
            for (String program : column.split("\\]\\s*\\[")) {
                String p = program.replace("[", "").replace("]", "").trim();
                if (!p.isEmpty()) {
                    programs.add(p);
                }
            }
            return programs;
        }
    }
}
