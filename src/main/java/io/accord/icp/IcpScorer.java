package io.accord.icp;

import java.util.List;

/**
 * One ICP version's criteria, compiled for scoring many leads: the public face of {@link CompiledIcp} for other
 * features (the evidence feature's backtests). Immutable and thread safe; pure.
 */
public final class IcpScorer {

    private final CompiledIcp compiled;

    private IcpScorer(CompiledIcp compiled) {
        this.compiled = compiled;
    }

    /**
     * Compiles a definition.
     *
     * @throws IllegalArgumentException if the definition is not valid ({@link IcpRules})
     */
    public static IcpScorer of(IcpDefinition definition) {
        return new IcpScorer(IcpEvaluator.compile(definition));
    }

    /** Scores one lead exactly as intake and {@code /evaluate} do. */
    public Evaluation score(LeadAttributes lead) {
        return compiled.evaluate(lead);
    }

    public List<Criterion> criteria() {
        return compiled.definition().criteria();
    }

    /** The tier labels, highest first. */
    public List<String> tierLabels() {
        return compiled.definition().tiers().stream().map(Tier::label).toList();
    }
}
