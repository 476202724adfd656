package io.chokepoint.registry.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the parts of a request that every list endpoint shares: the page. */
@ApplicationScoped
public class RequestContext {

    @Inject
    ApiConfig config;

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
