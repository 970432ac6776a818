package io.accord.common;

import java.util.List;

/**
 * The six roles. Their names are the wire values in API keys and the {@code groups} claim of JWTs. Every resource
 * declares them, so they live here rather than in {@code security}.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MARKETING = "marketing";
    public static final String SALES = "sales";
    public static final String SALES_MANAGER = "sales_manager";
    public static final String INTEGRATOR = "integrator";
    public static final String VIEWER = "viewer";

    public static final List<String> ALL = List.of(ADMIN, MARKETING, SALES, SALES_MANAGER, INTEGRATOR, VIEWER);

    private Roles() {
    }
}
