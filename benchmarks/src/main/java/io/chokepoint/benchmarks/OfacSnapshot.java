package io.chokepoint.benchmarks;

import io.chokepoint.registry.imports.ImportFile;
import io.chokepoint.registry.imports.ImportProblems;
import io.chokepoint.registry.imports.ImportedEntity;
import io.chokepoint.registry.imports.OfacCsvParser;
import io.chokepoint.registry.imports.ParsedList;
import io.chokepoint.registry.screening.MatcherSettings;
import io.chokepoint.registry.screening.ScreenableEntity;
import io.chokepoint.registry.screening.ScreeningEngine;
import io.chokepoint.registry.screening.SuppressionLookup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The OFAC SDN files (sdn.csv, alt.csv, add.csv) read by the registry's own parser, as the import reads them. */
public final class OfacSnapshot {

    /** The list version the evaluation and the benchmarks report. */
    public static final String VERSION = "ofac-snapshot";

    private OfacSnapshot() {
    }

    public static List<ScreenableEntity> load(Path directory) {
        for (String file : List.of("sdn.csv", "alt.csv", "add.csv")) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new IllegalArgumentException("no " + file + " in " + directory.toAbsolutePath());
            }
        }
        ParsedList list = new OfacCsvParser(new ImportProblems(20)).parse(
                ImportFile.of("sdn", "sdn.csv", directory.resolve("sdn.csv")),
                ImportFile.of("alt", "alt.csv", directory.resolve("alt.csv")),
                ImportFile.of("add", "add.csv", directory.resolve("add.csv")));
        return list.entities().stream().map(OfacSnapshot::screenable).toList();
    }

    /** An engine holding the snapshot, with the registry's default settings. */
    public static ScreeningEngine engine(Path directory) {
        ScreeningEngine engine = new ScreeningEngine(MatcherSettings.defaults(), SuppressionLookup.NONE);
        engine.apply(load(directory), VERSION, 1);
        return engine;
    }

    static ScreenableEntity screenable(ImportedEntity e) {
        return ScreenableEntity.of(e.source() + ":" + e.sourceId(), e.source(), e.sourceId(), e.type(), e.name(),
                e.aliases(), e.countries(), e.addresses(), e.identifiers(), e.programs(), 1, true);
    }
}
