package io.accord.common;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The keyset condition of a list ordered by a time, then id: the rows strictly after a {@link Cursor}, i.e.
 * {@code (time, id) > (cursor.createdAt, cursor.id)}. One place for the HQL of Panache repositories (written as
 * {@code time > t or (time = t and id > i)}) and the SQL of the reactive pool (written as the row comparison, which
 * an index on {@code (time, id)} serves as one range), so every list pages the same way.
 */
public final class Keyset {

    private static final String AT = "cAt";
    private static final String ID = "cId";

    private Keyset() {
    }

    /**
     * The HQL condition on the properties {@code time} and {@code id} (e.g. {@code createdAt}, {@code id}, or
     * {@code i.createdAt}, {@code i.id}), in parentheses; its parameters are named {@code cAt} and {@code cId}, bound
     * by {@link #bind}.
     */
    public static String hql(String time, String id) {
        return "(" + time + " > :" + AT + " or (" + time + " = :" + AT + " and " + id + " > :" + ID + "))";
    }

    /** Binds the parameters of {@link #hql} to the cursor's position; returns {@code params}. */
    public static Parameters bind(Parameters params, Cursor after) {
        return params.and(AT, after.createdAt()).and(ID, after.id());
    }

    /**
     * The SQL condition on the columns {@code time} and {@code id}, in parentheses, for a statement whose positional
     * parameters are {@code args}: appends the cursor's time (UTC) and id to {@code args} and refers to them by their
     * {@code $n} indexes.
     */
    public static String sql(String time, String id, Cursor after, List<Object> args) {
        args.add(after.createdAt().atOffset(ZoneOffset.UTC));
        int at = args.size();
        args.add(after.id());
        return "(" + time + ", " + id + ") > ($" + at + ", $" + (at + 1) + ")";
    }

    /** One page of all of a repository's entities in creation order (properties {@code createdAt}, {@code id}). */
    public static <T> Uni<List<T>> page(PanacheRepositoryBase<T, ?> repository, PageRequest page) {
        Parameters params = new Parameters();
        String where = "";
        if (page.after() != null) {
            where = "where " + hql("createdAt", "id") + " ";
            bind(params, page.after());
        }
        return repository.find(where + "order by createdAt, id", params).range(0, page.fetchSize() - 1).list();
    }
}
