package io.chokepoint.monitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the catalog once, at start, so that a broken catalog stops the service instead of missing goods. */
@ApplicationScoped
public class CatalogProducer {

    private static final Logger LOG = Logger.getLogger(CatalogProducer.class);
    private static final String CLASSPATH = "classpath:";

    @Produces
    @Singleton
    @Startup
    ControlledGoodsCatalog catalog(CatalogConfig config, ObjectMapper mapper) {
        try (InputStream json = open(config.location())) {
            ControlledGoodsCatalog catalog = ControlledGoodsCatalog.read(json, mapper);
            LOG.infof("Controlled-goods catalog %s loaded from %s: %d entries", catalog.version(),
                    config.location(), catalog.document().entries().size());
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the controlled-goods catalog at " + config.location(), e);
        }
    }

    @Produces
    @Singleton
    GoodsClassifier classifier(ControlledGoodsCatalog catalog) {
        return new GoodsClassifier(catalog);
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length());
            InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
            if (stream == null) {
                throw new IOException("no classpath resource " + resource);
            }
            return stream;
        }
        return new FileInputStream(location);
    }
}
