package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chokepoint.platform.web.FieldError;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the catalog in force and replaces it without a rebuild: on request ({@code POST /api/v1/catalog/reload})
 * and when the configured file's content changes. A new catalog is read and checked in full before it replaces the
 * current one; a bad one is refused with every problem and the current one stays. Loaded at start, so that a broken
 * catalog stops the service instead of missing goods.
 * <p>
 * Each assessment takes the catalog once ({@link #current()}) and classifies all its lines with it, so a reload in
 * the middle never mixes two versions in one assessment.
 */
@Startup
@ApplicationScoped
public class CatalogRegistry {

    /** What a reload did. */
    public enum ReloadStatus {
        /** A new version is in force. */
        RELOADED,
        /** The file holds the catalog already in force, perhaps laid out differently. */
        UNCHANGED
    }

    /** The outcome of a reload, as {@code POST /api/v1/catalog/reload} answers it. */
    public record Reload(ReloadStatus status, String version, String previousVersion, int entries, String location,
                         String sha256, Instant loadedAt) {
    }

    private static final Logger LOG = Logger.getLogger(CatalogRegistry.class);
    private static final String CLASSPATH = "classpath:";

    private final CatalogConfig config;
    private final ObjectMapper mapper;
    private final AtomicReference<LoadedCatalog> current = new AtomicReference<>();
    /** The last content refused, so that the watcher reports a bad file once, not on every check. */
    private volatile String refusedSha256;

    CatalogRegistry(CatalogConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @PostConstruct
    void loadAtStart() {
        byte[] json = readSource();
        LoadedCatalog loaded = load(json, sha256(json));
        current.set(loaded);
        LOG.infof("Controlled-goods catalog %s loaded from %s: %d entries", loaded.version(), loaded.location(),
                loaded.catalog().document().entries().size());
    }

    public LoadedCatalog current() {
        return current.get();
    }

    /** Reads the configured location again; throws {@link InvalidCatalogException} and keeps the current one if bad. */
    public synchronized Reload reload() {
        LoadedCatalog before = current.get();
        byte[] json = readSource();
        String sha256 = sha256(json);
        if (sha256.equals(before.sha256())) {
            return describe(ReloadStatus.UNCHANGED, before, before.version());
        }
        try {
            LoadedCatalog loaded = load(json, sha256);
            if (loaded.catalog().document().equals(before.catalog().document())) {
                // Only the layout changed (spaces, key order): the same catalog, now known by its new bytes.
                current.set(new LoadedCatalog(before.catalog(), before.classifier(), before.location(), sha256,
                        before.loadedAt()));
                return describe(ReloadStatus.UNCHANGED, current.get(), before.version());
            }
            if (loaded.version().equals(before.version())) {
                throw new InvalidCatalogException(List.of(new FieldError("version", "the catalog changed but its version"
                        + " is still " + before.version() + ": give it a new version, so that every classification"
                        + " names the catalog that made it")));
            }
            current.set(loaded);
            refusedSha256 = null;
            LOG.infof("Controlled-goods catalog %s replaced by %s from %s: %d entries", before.version(),
                    loaded.version(), loaded.location(), loaded.catalog().document().entries().size());
            return describe(ReloadStatus.RELOADED, loaded, before.version());
        } catch (InvalidCatalogException e) {
            refusedSha256 = sha256;
            LOG.errorf("Catalog at %s refused, %s stays in force: %s", config.location(), before.version(), e.getMessage());
            throw e;
        }
    }

    /** Reloads a file catalog whose content changed since it was last read or refused. */
    @Scheduled(every = "${chokepoint.catalog.watch-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        if (isClasspath()) {
            return;
        }
        String sha256;
        try {
            sha256 = sha256(Files.readAllBytes(Path.of(config.location())));
        } catch (IOException e) {
            LOG.debugf("Catalog file %s cannot be read now (%s); the current catalog stays", config.location(), e);
            return;
        }
        if (sha256.equals(current.get().sha256()) || sha256.equals(refusedSha256)) {
            return;
        }
        try {
            reload();
        } catch (InvalidCatalogException e) {
            // already logged; the current catalog stays until the file is fixed
        }
    }

    private LoadedCatalog load(byte[] json, String sha256) {
        ControlledGoodsCatalog catalog = ControlledGoodsCatalog.read(json, mapper);
        return new LoadedCatalog(catalog, new GoodsClassifier(catalog), config.location(), sha256, Instant.now());
    }

    private static Reload describe(ReloadStatus status, LoadedCatalog loaded, String previousVersion) {
        return new Reload(status, loaded.version(), previousVersion, loaded.catalog().document().entries().size(),
                loaded.location(), loaded.sha256(), loaded.loadedAt());
    }

    private boolean isClasspath() {
        return config.location().startsWith(CLASSPATH);
    }

    private byte[] readSource() {
        String location = config.location();
        try {
            if (isClasspath()) {
                String resource = location.substring(CLASSPATH.length());
                try (InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (stream == null) {
                        throw new IOException("no classpath resource " + resource);
                    }
                    return stream.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(location));
        } catch (IOException e) {
            throw new InvalidCatalogException(List.of(new FieldError("location",
                    "cannot read the catalog at " + location + ": " + e.getMessage())));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
