package io.chokepoint.registry.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the requests that change the lists from the rest by method and path, as the HTTP server receives them:
 * before the endpoint is chosen and before the body is read, so that a request refused on the way (a body over the
 * size limit, a body that is no JSON) is audited as well. Keep it in step with {@code EntityResource} and
 * {@code ImportResource}.
 */
public final class ChangeRoutes {

    private static final Pattern ENTITIES = Pattern.compile("/api/v1/entities/?");
    private static final Pattern ENTITY = Pattern.compile("/api/v1/entities/([^/]+)/?");
    private static final Pattern IMPORTS = Pattern.compile("/api/v1/imports/?");

    private ChangeRoutes() {
    }

    /** A list change a request asks for, and the entity its path names (null for a creation or an import). */
    public record Target(ChangeAction action, String entityId) {
    }

    public static Optional<Target> classify(String method, String path) {
        if (method == null || path == null) {
            return Optional.empty();
        }
        if (method.equals("POST") && ENTITIES.matcher(path).matches()) {
            return Optional.of(new Target(ChangeAction.CREATE, null));
        }
        if (method.equals("POST") && IMPORTS.matcher(path).matches()) {
            return Optional.of(new Target(ChangeAction.IMPORT, null));
        }
        Matcher entity = ENTITY.matcher(path);
        if (entity.matches() && (method.equals("PUT") || method.equals("DELETE"))) {
            return Optional.of(new Target(method.equals("PUT") ? ChangeAction.CHANGE : ChangeAction.DELIST,
                    entity.group(1)));
        }
        return Optional.empty();
    }
}
