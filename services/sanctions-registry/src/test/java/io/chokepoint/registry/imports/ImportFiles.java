package io.chokepoint.registry.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real list files in src/test/resources/imports, and made-up ones. */
final class ImportFiles {

    private ImportFiles() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/imports/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource imports/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.ISO_8859_1);
    }

    static ImportFile resource(String part, String resource) {
        return ImportFile.of(part, resource.substring(resource.lastIndexOf('/') + 1), bytes(resource));
    }

    static ImportFile text(String part, String content) {
        return ImportFile.of(part, part + ".txt", content.getBytes(StandardCharsets.UTF_8));
    }

    static ImportProblems problems() {
        return new ImportProblems(20);
    }
}
