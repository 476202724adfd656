package io.chokepoint.registry.imports;

import io.chokepoint.platform.security.Roles;
import io.chokepoint.platform.web.InvalidRequestException;
import io.chokepoint.registry.audit.ChangeRequest;
import io.chokepoint.registry.audit.ChangeRequests;
import io.chokepoint.registry.audit.ReceivedFile;
import io.chokepoint.registry.entities.EntityService;
import io.chokepoint.registry.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports a whole sanctions list file. The files are parsed and checked completely before anything is written,
 * so a refused file leaves the lists as they were. Only the registry-admin role imports; the token's principal is the
 * actor of every change the import makes.
 */
@Path("/api/v1/imports")
@RolesAllowed(Roles.REGISTRY_ADMIN)
public class ImportResource {

    private static final Logger LOG = Logger.getLogger(ImportResource.class);
    private static final String DATASET_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
    /** Sources that only their own format or the API may write. */
    private static final Set<String> RESERVED = Set.of(EntityService.MANUAL, OfacCsvParser.SOURCE, UnXmlParser.SOURCE);

    @Inject
    ImportConfig config;
    @Inject
    ListImporter importer;
    @Inject
    ImportMetrics metrics;
    @Inject
    ChangeRequests changeRequests;

    /**
     * @param format  ofac-csv (parts sdn, alt, add), un-xml or ftm-json (part file)
     * @param dataset for ftm-json: the source to import into (a FollowTheMoney dataset name); FTM without it
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport importList(@RestQuery String format, @RestQuery String dataset,
                                   @RestForm(FileUpload.ALL) List<FileUpload> uploads) {
        List<FileUpload> received = uploads == null ? List.of() : uploads;
        ChangeRequest change = changeRequests.current();
        change.format(format);
        change.files(received.stream().map(u -> new ReceivedFile(u.name(), u.fileName(), u.size())).toList());
        ImportFormat importFormat;
        ParsedList list;
        long started = System.nanoTime();
        try {
            importFormat = format(format, dataset);
            change.source(source(importFormat, dataset));
            list = parse(importFormat, files(importFormat, received), dataset);
        } catch (InvalidRequestException | FileTooLargeException refused) {
            metrics.refused(format);
            throw refused;
        }
        long parsed = System.nanoTime();
        ImportReport report = importer.apply(list, importFormat, change);
        metrics.applied(importFormat, report.listVersion() != null);
        LOG.infof("Imported %s (%s) by %s: %d entries, %d added, %d changed, %d removed, %d unchanged, version %s;"
                        + " parsed in %d ms, applied in %d ms", list.source(), importFormat.parameter(), change.actor(),
                report.entries(), report.added(), report.changed(), report.removed(), report.unchanged(),
                report.listVersion(), (parsed - started) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
        return report;
    }

    /** Anything but multipart: a 400 that says how to send the files, not a bare 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportReport notMultipart(@RestQuery String format) {
        changeRequests.current().format(format);
        metrics.refused(format);
        throw InvalidRequestException.of("body", "must be multipart/form-data with the list's files as parts"
                + " (ofac-csv: sdn, alt, add; un-xml and ftm-json: file)");
    }

    private static ImportFormat format(String format, String dataset) {
        Problems problems = new Problems();
        ImportFormat importFormat = null;
        if (format == null || format.isBlank()) {
            problems.add("format", "is required: one of " + ImportFormat.parameters());
        } else {
            importFormat = ImportFormat.of(format).orElse(null);
            if (importFormat == null) {
                problems.add("format", "must be one of " + ImportFormat.parameters() + ", got '" + format + "'");
            }
        }
        if (dataset != null && importFormat != null && importFormat != ImportFormat.FTM_JSON) {
            problems.add("dataset", "is only for format=ftm-json");
        } else if (dataset != null && !dataset.matches(DATASET_PATTERN)) {
            problems.add("dataset", "must be 1 to 32 letters, digits, '_', '.' or '-', got '" + dataset + "'");
        } else if (dataset != null && RESERVED.contains(dataset.toUpperCase(Locale.ROOT))) {
            problems.add("dataset", "'" + dataset + "' is reserved for " + RESERVED);
        }
        problems.throwIfAny();
        return importFormat;
    }

    /** The list an import writes to. */
    private static String source(ImportFormat format, String dataset) {
        return switch (format) {
            case OFAC_CSV -> OfacCsvParser.SOURCE;
            case UN_XML -> UnXmlParser.SOURCE;
            case FTM_JSON -> dataset == null ? FtmJsonParser.DEFAULT_SOURCE : dataset;
        };
    }

    /** The format's parts, each present once and within the size limit; any other part is refused. */
    private Map<String, ImportFile> files(ImportFormat format, List<FileUpload> uploads) {
        Problems problems = new Problems();
        Map<String, ImportFile> files = new HashMap<>();
        long limit = config.maxFileSize().asLongValue();
        for (FileUpload upload : uploads) {
            String part = upload.name();
            if (!format.parts().contains(part)) {
                problems.add(part, "is not a part of format " + format.parameter() + " (expected " + format.parts() + ")");
            } else if (files.containsKey(part)) {
                problems.add(part, "is sent twice");
            } else if (upload.size() > limit) {
                throw new FileTooLargeException(part, "is " + upload.size() + " bytes, over the limit of " + limit
                        + " bytes (chokepoint.imports.max-file-size)");
            } else {
                files.put(part, ImportFile.of(part, upload.fileName(), upload.uploadedFile()));
            }
        }
        for (String part : format.parts()) {
            if (!files.containsKey(part)) {
                problems.add(part, "is required: a multipart file part named '" + part + "' (format "
                        + format.parameter() + " needs " + format.parts() + ")");
            }
        }
        problems.throwIfAny();
        return files;
    }

    private ParsedList parse(ImportFormat format, Map<String, ImportFile> files, String dataset) {
        ImportProblems problems = new ImportProblems(config.maxReportedProblems());
        return switch (format) {
            case OFAC_CSV -> new OfacCsvParser(problems).parse(files.get("sdn"), files.get("alt"), files.get("add"));
            case UN_XML -> new UnXmlParser(problems).parse(files.get("file"));
            case FTM_JSON -> new FtmJsonParser(problems, dataset == null ? FtmJsonParser.DEFAULT_SOURCE : dataset)
                    .parse(files.get("file"));
        };
    }
}
