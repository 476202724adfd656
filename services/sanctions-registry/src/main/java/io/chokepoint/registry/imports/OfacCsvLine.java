package io.chokepoint.registry.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of OFAC's legacy CSV: comma separated, text in double quotes, {@code -0-} for an empty value
 * (with a trailing space), no header. A record never spans lines, so a quote left open is a truncated line.
 */
final class OfacCsvLine {

    private static final String EMPTY = "-0-";

    private OfacCsvLine() {
    }

    /** The fields, trimmed, null where empty. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            i = i < n && line.charAt(i) == '"' ? quoted(line, i + 1, value) : plain(line, i, value);
            fields.add(clean(value.toString()));
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add(null);
                return fields;
            }
        }
    }

    /** Reads a quoted value from {@code start}; answers the index of the comma or end of line after it. */
    private static int quoted(String line, int start, StringBuilder value) {
        int n = line.length();
        int i = start;
        while (i < n) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < n && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i += 2;
                    continue;
                }
                int after = i + 1;
                while (after < n && line.charAt(after) == ' ') {
                    after++;
                }
                if (after == n || line.charAt(after) == ',') {
                    return after;
                }
                // A quote inside the text that its writer did not double: keep it.
            }
            value.append(c);
            i++;
        }
        throw new IllegalArgumentException("a quoted field is not closed (truncated line?)");
    }

    private static int plain(String line, int start, StringBuilder value) {
        int comma = line.indexOf(',', start);
        int end = comma < 0 ? line.length() : comma;
        value.append(line, start, end);
        return end;
    }

    private static String clean(String value) {
        String trimmed = value.trim();
        return trimmed.isEmpty() || trimmed.equals(EMPTY) ? null : trimmed;
    }
}
