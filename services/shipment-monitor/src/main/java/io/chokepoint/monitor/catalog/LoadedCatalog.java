package io.chokepoint.monitor.catalog;

import java.time.Instant;

/**
 * The catalog in force, with the classifier built on it, and where and when it was read.
 *
 * @param sha256 of the file's bytes, to tell a changed file from one that was only touched
 */
public record LoadedCatalog(ControlledGoodsCatalog catalog, GoodsClassifier classifier, String location,
                            String sha256, Instant loadedAt) {

    public String version() {
        return catalog.version();
    }
}
