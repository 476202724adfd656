package io.chokepoint.platform.web;

/** A path names something that does not exist; answered 404 with the message. */
public class UnknownIdException extends RuntimeException {

    public UnknownIdException(String message) {
        super(message, null, false, false);
    }
}
