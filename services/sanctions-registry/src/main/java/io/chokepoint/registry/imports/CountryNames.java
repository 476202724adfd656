package io.chokepoint.registry.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country names as the lists write them ("Korea, North", "Iran (Islamic Republic of)", "Region: Crimea")
 * turned into ISO 3166-1 alpha-2 codes. Names that are no country ("undetermined") have no code.
 */
final class CountryNames {

    private static final Map<String, String> CODES = codes();

    private CountryNames() {
    }

    /** The code of a country name or code, or null when the text names no known country. */
    static String code(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return CODES.get(key(name));
    }

    private static Map<String, String> codes() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            codes.put(key(code), code);
            codes.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] aliases = {
                // OFAC SDN names
                {"Bahamas, The", "BS"}, {"The Gambia", "GM"}, {"Gambia, The", "GM"}, {"Burma", "MM"},
                {"Congo, Democratic Republic of the", "CD"}, {"Congo, Republic of the", "CG"},
                {"Cote d Ivoire", "CI"}, {"Czech Republic", "CZ"}, {"Hong Kong", "HK"}, {"Macau", "MO"},
                {"Korea, North", "KP"}, {"Korea, South", "KR"}, {"Palestinian", "PS"}, {"West Bank", "PS"},
                {"Region: Gaza", "PS"}, {"Gaza", "PS"}, {"Region: Crimea", "UA"}, {"Region: Northern Mali", "ML"},
                {"Virgin Islands, British", "VG"}, {"Turkey", "TR"}, {"Brunei", "BN"}, {"Taiwan", "TW"},
                {"Kosovo", "XK"}, {"Russia", "RU"}, {"Syria", "SY"}, {"Iran", "IR"}, {"Laos", "LA"},
                {"Vietnam", "VN"}, {"Moldova", "MD"}, {"Tanzania", "TZ"}, {"Bolivia", "BO"}, {"Venezuela", "VE"},
                {"Micronesia, Federated States of", "FM"}, {"Macedonia", "MK"}, {"Swaziland", "SZ"},
                {"United States", "US"}, {"United Kingdom", "GB"}, {"Saint Kitts and Nevis", "KN"},
                {"Saint Vincent and the Grenadines", "VC"}, {"Saint Lucia", "LC"}, {"Bosnia and Herzegovina", "BA"},
                {"Trinidad and Tobago", "TT"}, {"Antigua and Barbuda", "AG"}, {"Sao Tome and Principe", "ST"},
                {"Curacao", "CW"}, {"Sint Maarten", "SX"}, {"Timor-Leste", "TL"}, {"East Timor", "TL"},
                // UN names
                {"Democratic Republic of the Congo", "CD"}, {"Republic of the Congo", "CG"}, {"Congo", "CG"},
                {"United Republic of Tanzania", "TZ"}, {"Iran (Islamic Republic of)", "IR"},
                {"Syrian Arab Republic", "SY"}, {"Democratic People's Republic of Korea", "KP"}, {"DPRK", "KP"},
                {"Republic of Korea", "KR"}, {"Russian Federation", "RU"}, {"Viet Nam", "VN"},
                {"Lao People's Democratic Republic", "LA"}, {"Republic of Moldova", "MD"},
                {"Bolivia (Plurinational State of)", "BO"}, {"Venezuela (Bolivarian Republic of)", "VE"},
                {"Bolivarian Republic of Venezuela", "VE"}, {"State of Palestine", "PS"},
                {"Occupied Palestinian Territory", "PS"}, {"United Kingdom of Great Britain and Northern Ireland", "GB"},
                {"United States of America", "US"}, {"Netherlands (Kingdom of the)", "NL"}, {"Turkiye", "TR"},
                {"North Macedonia", "MK"}, {"The former Yugoslav Republic of Macedonia", "MK"},
                {"Libyan Arab Jamahiriya", "LY"}, {"Eswatini", "SZ"}, {"Cabo Verde", "CV"}, {"Czechia", "CZ"},
                {"Micronesia (Federated States of)", "FM"}, {"Holy See", "VA"},
                {"China, Hong Kong Special Administrative Region", "HK"},
                {"China, Macao Special Administrative Region", "MO"}, {"Myanmar", "MM"}, {"Sudan", "SD"},
        };
        for (String[] alias : aliases) {
            codes.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(codes);
    }

    /** Case, accents, apostrophes, "&" and punctuation do not matter: "Côte d’Ivoire" is "Cote d Ivoire". */
    private static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", " ").trim();
    }
}
