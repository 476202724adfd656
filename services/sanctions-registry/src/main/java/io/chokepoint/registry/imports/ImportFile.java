package io.chokepoint.registry.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One uploaded file of an import, opened as a stream when its parser reads it.
 *
 * @param part     the multipart part it came in ("sdn", "file"), named in every problem found in it
 * @param fileName the client's file name, for the list version's description
 */
public record ImportFile(String part, String fileName, Opener opener) {

    /** Opens the file's content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public static ImportFile of(String part, String fileName, Path path) {
        return new ImportFile(part, fileName, () -> Files.newInputStream(path));
    }

    public static ImportFile of(String part, String fileName, byte[] content) {
        return new ImportFile(part, fileName, () -> new ByteArrayInputStream(content));
    }

    public InputStream open() throws IOException {
        return opener.open();
    }

    /** How the file is named in descriptions: its file name, or its part. */
    public String label() {
        return fileName == null || fileName.isBlank() ? part : fileName;
    }
}
