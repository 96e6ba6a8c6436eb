package io.iris.gateway.web.security;

/**
 * The one place that says which request paths are the management API, for every filter that treats them apart
 * (authentication, audit, snapshot refresh, body limit). Paths are as JAX-RS gives them
 * ({@code UriInfo.getPath()}: decoded, with or without a leading slash); the servlet filter
 * {@link CanonicalPathFilter} has already refused every non-canonical spelling. Stateless.
 */
public final class AdminPaths {
    private static final String ADMIN_ROOT = "api";
    private static final String SELF = "api/virtual-keys/self";

    private AdminPaths() {
    }

    /**
     * Whether {@code path} is under {@code /api}: its first segment is "api" in any letter case (JAX-RS matches
     * case-sensitively, but nothing that looks like the admin API is ever let through unauthenticated), ending at
     * '/', ';' or the path's end.
     */
    public static boolean isAdmin(String path) {
        return firstSegmentIs(path, ADMIN_ROOT);
    }

    /**
     * Whether the first segment of {@code path} is {@code name}, ignoring letter case; a segment ends at '/', or at
     * ';', '%' or '\', which only a non-canonical path holds there.
     */
    static boolean firstSegmentIs(String path, String name) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = start + name.length();
        if (path.length() < end || !path.regionMatches(true, start, name, 0, name.length())) {
            return false;
        }
        if (path.length() == end) {
            return true;
        }
        char next = path.charAt(end);
        return next == '/' || next == ';' || next == '%' || next == '\\';
    }

    /** Whether {@code path} is exactly {@code /api/virtual-keys/self}, the one admin path a virtual key may read. */
    public static boolean isSelf(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        return path.length() - start == SELF.length() && path.startsWith(SELF, start);
    }

    /** {@code path} with one leading slash, as logs show it. */
    public static String withLeadingSlash(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
