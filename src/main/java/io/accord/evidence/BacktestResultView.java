package io.accord.evidence;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a backtest found. Rates and shares are percentages with one decimal; null where a group is empty. */
@Schema(name = "BacktestResult")
public record BacktestResultView(
        @Schema(description = "Leads handed off in the window (erased leads excluded)", example = "1840") long leads,
        @Schema(description = "The leads scored with the version backtested") SideView candidate,
        @Schema(description = "The same leads as they were scored at hand-off (the fit recorded on each lead: the "
                + "version of this ICP active then). A lead whose best fit was another ICP, or none, counts as no "
                + "tier here and is `unscored`.") SideView active,
        @Schema(description = "Per criterion of the version backtested") List<CriterionView> criteria,
        @Schema(description = "Values of attributes no criterion uses whose leads' win rate differs most from the "
                + "others' (each with at least `accord.evidence.suggestion-min-leads` leads)")
        List<SuggestionView> suggestions,
        @Schema(description = "Attributes left out of the suggestions for having too many distinct values",
                example = "[\"company.name\"]") List<String> droppedAttributes) {

    /** One side of the comparison. */
    @Schema(name = "BacktestSide")
    public record SideView(
            @Schema(description = "The version numbers the figures come from", example = "[3]") List<Integer> versions,
            @Schema(description = "All leads of the window") GroupView all,
            @Schema(description = "One entry per tier, highest first; `tier` null: no tier (a required criterion "
                    + "failed, or no tier's minScore was reached)") List<GroupView> tiers,
            @Schema(description = "Leads per score band of 10 points: 0–9, …, 90–100") List<BarView> histogram,
            @Schema(description = "Leads without a score on this side", example = "0") long unscored) {
    }

    @Schema(name = "BacktestGroup")
    public record GroupView(
            @Schema(example = "A", nullable = true) String tier,
            @Schema(example = "412") long leads,
            @Schema(description = "Leads won", example = "75") long won,
            @Schema(description = "Share of all leads", example = "22.4", nullable = true) BigDecimal share,
            @Schema(description = "Ever accepted", example = "71.3", nullable = true) BigDecimal acceptedRate,
            @Schema(description = "Ever qualified", example = "40.5", nullable = true) BigDecimal qualifiedRate,
            @Schema(description = "Won", example = "18.2", nullable = true) BigDecimal wonRate,
            @Schema(description = "Ever rejected", example = "9.7", nullable = true) BigDecimal rejectedRate,
            List<ReasonView> topRejectionReasons,
            @Schema(description = "Median time from hand-off to first touch, over touched leads", example = "PT38M",
                    nullable = true) Duration medianTimeToFirstTouch,
            @Schema(description = "Win rate of the group ÷ win rate of all leads (null when none won)", example = "1.84",
                    nullable = true) BigDecimal lift) {
    }

    @Schema(name = "BacktestRejectionReason")
    public record ReasonView(
            @Schema(example = "no_budget") String reason,
            @Schema(example = "14") long leads,
            @Schema(description = "Share of the group's rejected leads", example = "35.0") BigDecimal share) {
    }

    @Schema(name = "BacktestHistogramBar")
    public record BarView(@Schema(example = "80") int from, @Schema(example = "89") int to,
            @Schema(example = "233") long leads) {
    }

    @Schema(name = "BacktestCriterion")
    public record CriterionView(
            @Schema(description = "Position in the version's criteria", example = "0") int index,
            @Schema(example = "company.industry") String attribute,
            @Schema(example = "in") String operator,
            @Schema(example = "true") boolean required,
            @Schema(example = "30") int weight,
            @Schema(description = "Leads that matched it", example = "903") long matched,
            @Schema(example = "937") long unmatched,
            @Schema(example = "24.1", nullable = true) BigDecimal wonRateMatched,
            @Schema(example = "6.3", nullable = true) BigDecimal wonRateUnmatched,
            @Schema(example = "5.2", nullable = true) BigDecimal rejectedRateMatched,
            @Schema(example = "19.8", nullable = true) BigDecimal rejectedRateUnmatched) {
    }

    @Schema(name = "BacktestSuggestion")
    public record SuggestionView(
            @Schema(example = "custom.partnerReferral") String attribute,
            @Schema(description = "Trimmed, lower case; each element of a list counts on its own", example = "true")
            String value,
            @Schema(example = "120") long leads,
            @Schema(example = "41.7") BigDecimal wonRate,
            @Schema(description = "Win rate of all other leads", example = "9.9") BigDecimal wonRateOthers,
            @Schema(example = "3.3") BigDecimal rejectedRate,
            @Schema(example = "15.0") BigDecimal rejectedRateOthers,
            @Schema(description = "Win rate ÷ win rate of all leads", example = "3.61", nullable = true) BigDecimal lift) {
    }

    static SideView side(List<Integer> versions, Tally.Side side) {
        return new SideView(versions, group(side.all()), side.tiers().stream().map(BacktestResultView::group).toList(),
                side.histogram().stream().map(b -> new BarView(b.from(), b.to(), b.leads())).toList(), side.unscored());
    }

    static GroupView group(Tally.Group g) {
        return new GroupView(g.tier(), g.leads(), g.won(), g.share(), g.acceptedRate(), g.qualifiedRate(), g.wonRate(),
                g.rejectedRate(), g.topRejectionReasons().stream()
                        .map(r -> new ReasonView(r.reason(), r.leads(), r.share())).toList(),
                g.medianSecondsToFirstTouch() == null ? null : Duration.ofSeconds(g.medianSecondsToFirstTouch()),
                g.lift());
    }

    static CriterionView criterion(CriterionTally.Evidence e) {
        return new CriterionView(e.index(), e.attribute(), e.operator(), e.required(), e.weight(), e.matched(),
                e.unmatched(), e.wonRateMatched(), e.wonRateUnmatched(), e.rejectedRateMatched(),
                e.rejectedRateUnmatched());
    }

    static SuggestionView suggestion(SuggestionTally.Suggestion s) {
        return new SuggestionView(s.attribute(), s.value(), s.leads(), s.wonRate(), s.wonRateOthers(),
                s.rejectedRate(), s.rejectedRateOthers(), s.lift());
    }
}
