package io.chokepoint.monitor.catalog;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Runs the service on a copy of the shipped catalog in a file, watched every 200 ms. */
public class CatalogFileProfile implements QuarkusTestProfile {

    static final Path CATALOG = copyOfTheShippedCatalog();

    private static Path copyOfTheShippedCatalog() {
        try (InputStream shipped = CatalogFileProfile.class.getResourceAsStream("/catalog/controlled-goods.json")) {
            Path file = Files.createTempDirectory("chokepoint-catalog").resolve("controlled-goods.json");
            Files.copy(shipped, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chokepoint.catalog.location", CATALOG.toString(),
                "chokepoint.catalog.watch-interval", "200ms");
    }
}
