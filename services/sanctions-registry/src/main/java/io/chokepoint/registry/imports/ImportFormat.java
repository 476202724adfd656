package io.chokepoint.registry.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The list formats an import reads, named by the {@code format} query parameter, with their multipart parts. */
public enum ImportFormat {
    OFAC_CSV("ofac-csv", List.of("sdn", "alt", "add")),
    UN_XML("un-xml", List.of("file")),
    FTM_JSON("ftm-json", List.of("file"));

    private final String parameter;
    private final List<String> parts;

    ImportFormat(String parameter, List<String> parts) {
        this.parameter = parameter;
        this.parts = parts;
    }

    public String parameter() {
        return parameter;
    }

    /** The multipart parts the format needs, all required. */
    public List<String> parts() {
        return parts;
    }

    public static Optional<ImportFormat> of(String parameter) {
        return Arrays.stream(values()).filter(f -> f.parameter.equalsIgnoreCase(parameter.trim())).findFirst();
    }

    public static List<String> parameters() {
        return Arrays.stream(values()).map(ImportFormat::parameter).toList();
    }
}
