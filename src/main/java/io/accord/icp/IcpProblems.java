package io.accord.icp;

import io.accord.common.ProblemException;
import io.accord.common.ProblemKind;
import io.accord.icp.IcpVersionLifecycle.RefusedException;
import java.util.List;
import java.util.Map;

/**
 * How the API reports a refusal of the version workflow ({@link IcpVersionLifecycle}): 403 {@code forbidden} without
 * the side's role, 409 {@code stale-evidence} (extension {@code reason}: {@code stale} or {@code missing}) for an
 * approval without fresh evidence, 409 {@code invalid-transition} with {@code currentStatus} and {@code allowedActions} extensions for
 * a step the state does not allow, 409 {@code conflict} for a side that already decided or a principal signing twice.
 */
final class IcpProblems {

    private IcpProblems() {
    }

    /** The problem for a refusal; any other failure passes through unchanged. */
    static Throwable of(Throwable failure) {
        if (!(failure instanceof RefusedException refused)) {
            return failure;
        }
        return switch (refused.refusal()) {
            case MISSING_ROLE -> new ProblemException(ProblemKind.FORBIDDEN, refused.getMessage());
            case ALREADY_DECIDED -> new ProblemException(ProblemKind.CONFLICT, refused.getMessage());
            case STALE_EVIDENCE, MISSING_EVIDENCE -> new ProblemException(ProblemKind.STALE_EVIDENCE,
                    refused.getMessage(), List.of(), Map.of("reason",
                            refused.refusal() == IcpVersionLifecycle.Refusal.STALE_EVIDENCE ? "stale" : "missing"),
                    Map.of());
            case INVALID_TRANSITION -> new ProblemException(ProblemKind.INVALID_TRANSITION, refused.getMessage(),
                    List.of(), Map.of("currentStatus", refused.status().wire(), "allowedActions",
                            refused.allowedActions()), Map.of());
        };
    }
}
