package io.chokepoint.platform.security;

/**
 * The roles a bearer token grants, in its {@code groups} claim. Each endpoint names the ones it admits.
 */
public final class Roles {

    /** A partner agency: pushes its shipment events and reads its own agency's shipments. */
    public static final String PARTNER = "partner";
    /** An enforcement officer: reads alerts and acts on them, manages its team's subscriptions. */
    public static final String OFFICER = "officer";
    /** Keeps the sanctions lists: imports them, creates, changes and delists entities. */
    public static final String REGISTRY_ADMIN = "registry-admin";
    /** Runs the system: health, metrics, list and catalog status; reads nothing personal. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
