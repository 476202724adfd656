package io.chokepoint.registry.imports;

import io.chokepoint.registry.entities.Alias;
import io.chokepoint.registry.entities.Identifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what OFAC's legacy CSV puts in an entry's remarks, as "; "-separated statements: weak aliases
 * ({@code a.k.a. 'JIN, Gordon'}), identifiers ({@code Passport G31920875 (China) issued 24 Oct 2008}),
 * nationality and citizenship. Dates of birth and the rest stay in the remarks text, which is kept whole.
 */
final class OfacRemarks {

    /** OFAC's label of an identifier, and the scheme it is stored under. Longest labels are tried first. */
    private static final Map<String, String> SCHEMES = schemes();
    private static final List<String> LABELS = SCHEMES.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final Pattern WEAK_ALIAS = Pattern.compile("^([afn])\\.k\\.a\\.,?\\s+'(.+)'$");
    private static final Pattern DIGITAL_CURRENCY = Pattern.compile("^(Digital Currency Address - [A-Z]{2,6})\\s+(\\S+)$");
    private static final Pattern VALUE = Pattern.compile(
            "^(?<value>.+?)(?:\\s+\\((?<country>[^()]*)\\))?(?:\\s+(?:issued|expires)\\b.*)?$");
    private static final Pattern NATIONALITY = Pattern.compile("^(?:nationality|citizen)\\s+(.+)$");

    /** What the remarks say besides their text. */
    record Facts(List<Alias> weakAliases, List<Identifier> identifiers, List<String> countries) {
    }

    private OfacRemarks() {
    }

    static Facts read(String remarks) {
        List<Alias> aliases = new ArrayList<>();
        List<Identifier> identifiers = new ArrayList<>();
        List<String> countries = new ArrayList<>();
        if (remarks == null) {
            return new Facts(aliases, identifiers, countries);
        }
        for (String statement : remarks.split(";")) {
            String s = statement.trim();
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1); // the full stop that ends the remarks
            }
            if (s.startsWith("alt. ")) {
                s = s.substring(5).trim();
            }
            Matcher alias = WEAK_ALIAS.matcher(s);
            if (alias.matches()) {
                aliases.add(new Alias(alias.group(2).trim(), Alias.Strength.WEAK));
                continue;
            }
            Matcher nationality = NATIONALITY.matcher(s);
            if (nationality.matches()) {
                String code = CountryNames.code(nationality.group(1));
                if (code != null) {
                    countries.add(code);
                }
                continue;
            }
            Identifier identifier = identifier(s);
            if (identifier != null) {
                identifiers.add(identifier);
            }
        }
        return new Facts(aliases, identifiers, countries);
    }

    private static Identifier identifier(String statement) {
        Matcher currency = DIGITAL_CURRENCY.matcher(statement);
        if (currency.matches()) {
            return new Identifier(currency.group(1), currency.group(2));
        }
        for (String label : LABELS) {
            if (statement.startsWith(label + " ")) {
                return value(SCHEMES.get(label), statement.substring(label.length() + 1).trim());
            }
        }
        return null;
    }

    private static Identifier value(String scheme, String text) {
        Matcher m = VALUE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String value = m.group("value").trim();
        if (!value.matches(".*\\d.*") || value.startsWith("issued") || value.startsWith("expires")) {
            return null; // "Passport issued 2010": a statement about a passport, not its number
        }
        // A state or city in the parentheses ("(Jalisco)") is no issuing country; the remarks keep it.
        return new Identifier(scheme, value, CountryNames.code(m.group("country")));
    }

    private static Map<String, String> schemes() {
        Map<String, String> schemes = new LinkedHashMap<>();
        for (String label : new String[] {
                "Passport", "Diplomatic Passport", "Travel Document Number", "Cedula No.", "National ID No.", "NIT #",
                "R.F.C.", "C.U.R.P.", "Tax ID No.", "Registration Number", "Registration ID", "Identification Number",
                "RUC #", "Folio Mercantil No.", "Government Gazette Number", "Company Number", "UK Company Number",
                "Matricula Mercantil No", "Commercial Registry Number", "MMSI", "D.N.I.", "D-U-N-S Number", "C.R. No.",
                "Business Registration Number", "Business Registration Document #", "Business Number", "V.A.T. Number",
                "RIF #", "Trade License No.", "Electoral Registry No.", "Driver's License No.", "SWIFT/BIC",
                "Italian Fiscal Code", "Credencial electoral", "Cartilla de Servicio Militar Nacional",
                "Personal ID Card", "US FEIN", "National Foreign ID Number", "Chamber of Commerce Number", "SSN",
                "Public Registration Number", "Residency Number", "BIK (RU)", "I.F.E.", "Birth Certificate Number",
                "Registered Charity No.", "C.U.I.T.", "C.U.I.P.", "C.U.I.", "C.I.F.", "LE Number", "Branch Unit Number",
                "Certificate of Incorporation Number", "Turkish Identification Number", "Numero de Identidad", "RTN",
                "Citizen's Card Number", "Legal Entity Number", "Kenyan ID No.", "Enterprise Number", "VisaNumberID",
                "File Number", "Tazkira National ID Card", "Immigration No.", "SRE Permit No.", "Pilot License Number",
                "Dubai Chamber of Commerce Membership No.", "Afghan Money Service Provider License Number",
                "Numero Unico de Identificacao Tributaria (NUIT)", "Vessel Registration Identification",
                "Aircraft Manufacturer's Serial Number (MSN)", "Aircraft Tail Number", "Aircraft Serial Identification",
                "Aircraft Mode S Transponder Code", "Aircraft Construction Number (also called L/N or S/N or F/N)"}) {
            schemes.put(label, label);
        }
        schemes.put("Passport Booklet", "Passport");
        schemes.put("RFC", "R.F.C.");
        schemes.put("R.F.C. #", "R.F.C.");
        schemes.put("C.U.R.P. #", "C.U.R.P.");
        schemes.put("United Social Credit Code Certificate (USCCC)", "USCC");
        schemes.put("Unified Social Credit Code (USCC)", "USCC");
        // An IMO number identifies a ship or its company the same way, however OFAC labels it.
        schemes.put("Vessel Registration Identification IMO", "IMO");
        schemes.put("Identification Number IMO", "IMO");
        schemes.put("Company Number IMO", "IMO");
        return Map.copyOf(schemes);
    }
}
