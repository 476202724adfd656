package io.chokepoint.monitor.catalog;

import io.chokepoint.platform.web.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/** A catalog that must not be used, with every problem found in it, each at its path in the catalog JSON. */
public class InvalidCatalogException extends IllegalStateException {

    private final transient List<FieldError> problems;

    public InvalidCatalogException(List<FieldError> problems) {
        super("the controlled-goods catalog is not usable: " + problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldError> problems() {
        return problems;
    }
}
