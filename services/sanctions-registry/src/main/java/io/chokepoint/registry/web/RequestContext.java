package io.chokepoint.registry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the parts of a request that every endpoint shares: the actor and the page. */
@ApplicationScoped
public class RequestContext {

    public static final String ACTOR_HEADER = "X-Actor";
    private static final int MAX_ACTOR_LENGTH = 200;

    @Inject
    ApiConfig config;

    /** Who makes the request: the X-Actor header, trusted as is until authentication exists. */
    public String actor(String header) {
        if (header == null || header.isBlank()) {
            return config.defaultActor();
        }
        Problems problems = new Problems();
        problems.checkLength(ACTOR_HEADER, header.trim(), MAX_ACTOR_LENGTH);
        problems.throwIfAny();
        return header.trim();
    }

    /**
     * The actor an audit record names for a header, valid or not: the default without one, an overlong one cut to
     * the longest valid length (the request is refused anyway).
     */
    public String recordedActor(String header) {
        if (header == null || header.isBlank()) {
            return config.defaultActor();
        }
        String actor = header.trim();
        return actor.length() <= MAX_ACTOR_LENGTH ? actor : actor.substring(0, MAX_ACTOR_LENGTH);
    }

    public PageRequest page(Integer page, Integer size) {
        Problems problems = new Problems();
        int p = page == null ? 0 : page;
        int s = size == null ? config.defaultPageSize() : size;
        if (p < 0) {
            problems.add("page", "must be 0 or more");
        }
        if (s < 1 || s > config.maxPageSize()) {
            problems.add("size", "must be between 1 and " + config.maxPageSize());
        }
        problems.throwIfAny();
        return new PageRequest(p, s);
    }

    /** A valid page request. */
    public record PageRequest(int page, int size) {
    }
}
