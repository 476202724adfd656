package io.chokepoint.registry.web;

/** The request is valid but the resource's state does not allow it; answered as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
