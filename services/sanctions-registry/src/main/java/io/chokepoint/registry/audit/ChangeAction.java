package io.chokepoint.registry.audit;

/** What a request to change the lists asked for. */
public enum ChangeAction {
    /** {@code POST /api/v1/entities}: a manual entry. */
    CREATE,
    /** {@code PUT /api/v1/entities/{id}}: a manual entry's new content. */
    CHANGE,
    /** {@code DELETE /api/v1/entities/{id}}: a delisting. */
    DELIST,
    /** {@code POST /api/v1/imports}: a whole list file. */
    IMPORT
}
