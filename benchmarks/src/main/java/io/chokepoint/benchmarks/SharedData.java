package io.chokepoint.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the shared data next to the repository is: ../shared from the repository root, ../../shared from a module. */
final class SharedData {

    static final String OFAC = "data/ofac";
    static final String NAMES_DEV = "eval/names-dev.jsonl";

    private SharedData() {
    }

    /** The given path if there is one, else the shared file found from the working directory. */
    static Path resolve(String given, String relative) {
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (String root : List.of("..", "../..")) {
            Path candidate = Path.of(root, "shared", relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared", relative);
    }
}
