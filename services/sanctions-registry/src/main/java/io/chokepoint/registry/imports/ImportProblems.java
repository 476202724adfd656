package io.chokepoint.registry.imports;

import io.chokepoint.platform.web.FieldError;
import io.chokepoint.platform.web.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of the files of one import, each naming its part. A file with problems is refused as a whole;
 * after {@code max} problems parsing stops, since the rest of a broken file is rarely worth reading.
 */
public final class ImportProblems {

    private static final int PREFIX_LENGTH = 60;

    private final int max;
    private final List<FieldError> errors = new ArrayList<>();

    public ImportProblems(int max) {
        this.max = Math.max(1, max);
    }

    public void add(String part, String message) {
        errors.add(new FieldError(part, message));
        if (errors.size() >= max) {
            List<FieldError> reported = new ArrayList<>(errors);
            reported.add(new FieldError(part, "reading stopped after " + max + " problems"));
            throw new InvalidRequestException(reported);
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** The start of a line, quoted in a problem so that the client can find it. */
    static String prefix(String line) {
        String shown = line.length() > PREFIX_LENGTH ? line.substring(0, PREFIX_LENGTH) + "..." : line;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
