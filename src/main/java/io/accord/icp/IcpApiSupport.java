package io.accord.icp;

import io.accord.common.ProblemException;
import io.accord.common.Versioned;
import jakarta.ws.rs.core.Response;

/**
 * Parameter parsing and responses shared by the ICP resources. Roles: reading and evaluating, every role; creating
 * and editing ICPs and drafts and proposing, admin, marketing, sales and sales_manager; approving and rejecting,
 * marketing, sales and sales_manager (admin alone is not enough); retiring, admin, marketing and sales_manager.
 */
final class IcpApiSupport {

    private IcpApiSupport() {
    }

    /** A version number from the path; anything else names no version (404). */
    static int versionNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.notFound("Version", value);
    }

    /** The optional {@code ?version=} of evaluations. */
    static Integer versionParameter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.badParameter("version", "must be a version number (a positive integer)");
    }

    static Response ok(Versioned<?> v) {
        return v.respond(Response.ok());
    }
}
