package io.chokepoint.platform.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.util.Collection;
import java.util.List;

/**
 * The keys of a batch bound as one array parameter, for native SQL of the form
 * {@code where column = any(cast(?1 as text[]))} (a {@code uuid} column casts to {@code uuid[]}). The one way a batch
 * reads or deletes rows by many keys. Why not {@code in (?1, ?2, ...)}: after five runs of one prepared statement
 * PostgreSQL may switch to a generic plan, and for an IN list of hundreds of parameters that plan scans the whole
 * table; polls of the same size repeat the same statement. The array keeps one statement, whose generic plan uses the
 * index, and whose custom plans (the services' sessions plan each run, see the platform's README) are as good.
 */
public final class AnyOf {

    private AnyOf() {
    }

    /** The keys as text, each once. */
    public static String[] keys(Collection<?> values) {
        return values.stream().map(String::valueOf).distinct().toArray(String[]::new);
    }

    /**
     * The entities a native query selects, its first parameter bound to the keys; none for no keys, without a
     * round trip.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> rows(Class<T> entity, String sql, Collection<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return bound(Panache.getEntityManager().createNativeQuery(sql, entity), keys).getResultList();
    }

    /**
     * The single column a native query selects (the stored ones among the keys, say), its first parameter bound to
     * the keys; none for no keys, without a round trip.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> values(String sql, Collection<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return bound(Panache.getEntityManager().createNativeQuery(sql), keys).getResultList();
    }

    /** Runs a native delete or update whose first parameter is bound to the keys; nothing for no keys. */
    public static int execute(String sql, Collection<?> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return bound(Panache.getEntityManager().createNativeQuery(sql), keys).executeUpdate();
    }

    private static Query bound(Query query, Collection<?> keys) {
        return query.setParameter(1, keys(keys));
    }
}
