package io.chokepoint.platform.security;

/**
 * An authenticated caller was refused an endpoint for its roles (403). Fired synchronously, in the request, before
 * the answer is sent, so that a service can audit attempts on what it audits (list changes, alert transitions). The
 * refusal may happen on the event loop: an observer that writes hands the write to a worker (in a transaction of
 * its own) rather than block, and never throws.
 *
 * @param method        the HTTP method
 * @param path          the request path, without the query string
 * @param principal     who asked: {@link Caller#name()}'s value
 * @param subject       the token's {@code sub}, or null
 * @param remoteAddress where the request came from, as the HTTP server sees it
 */
public record AccessRefused(String method, String path, String principal, String subject, String remoteAddress) {
}
