package io.chokepoint.registry.web;

/** A path names something that does not exist; answered as 404. */
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String message) {
        super(message);
    }
}
