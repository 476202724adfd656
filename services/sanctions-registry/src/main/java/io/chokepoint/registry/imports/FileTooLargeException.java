package io.chokepoint.registry.imports;

/** An uploaded file over {@code chokepoint.imports.max-file-size}; answered as 413. */
public class FileTooLargeException extends RuntimeException {

    private final String part;

    public FileTooLargeException(String part, String message) {
        super(message);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
