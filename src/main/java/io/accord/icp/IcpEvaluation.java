package io.accord.icp;

/** A lead's full, explainable evaluation against one version of one ICP. */
public record IcpEvaluation(String icpKey, int version, Evaluation evaluation) {
}
