package io.accord.icp;

/**
 * How well a lead fits one active ICP, in the form a lead freezes at intake.
 *
 * @param icpKey    the ICP's key
 * @param version   the active version's number the lead was scored against
 * @param score     0 to 100
 * @param tier      the tier reached, or null (always null when not qualified)
 * @param qualified whether every required criterion matched
 */
public record IcpFit(String icpKey, int version, int score, String tier, boolean qualified) {

    static IcpFit of(IcpEvaluation e) {
        return new IcpFit(e.icpKey(), e.version(), e.evaluation().score(), e.evaluation().tier(),
                e.evaluation().qualified());
    }
}
