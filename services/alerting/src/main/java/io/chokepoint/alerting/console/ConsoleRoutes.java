package io.chokepoint.alerting.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The enforcement console is static files under {@code META-INF/resources/console}: plain HTML, CSS and JavaScript
 * that read the alerts API and follow the stream. The service's root leads to it, so that an officer given the
 * service's address lands on the console.
 */
@ApplicationScoped
public class ConsoleRoutes {

    /** Where the console's page is served. */
    public static final String CONSOLE = "/console/";

    void route(@Observes Router router) {
        router.get("/").handler(context -> context.redirect(CONSOLE));
        // A plain path route would also take "/console/" (a trailing slash is ignored) and redirect it to itself.
        router.getWithRegex("/console").handler(context -> context.redirect(CONSOLE));
    }
}
