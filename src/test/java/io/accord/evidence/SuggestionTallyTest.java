package io.accord.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accord.icp.LeadAttributes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SuggestionTallyTest {

    private static Outcome outcome(boolean won, boolean rejected) {
        return new Outcome(won, won, won, rejected, rejected ? "other" : null, null);
    }

    @Test
    void ranksTheValueThatDrivesWinsFirstAndIgnoresUsedAndContactData() {
        SuggestionTally tally = new SuggestionTally(Set.of("company.industry"), 100);
        for (int i = 0; i < 40; i++) {
            boolean partner = i < 20;
            boolean won = partner ? i < 9 : i == 20;   // 9 of 20 partners won, 1 of 20 others
            tally.add(new LeadAttributes(
                    Map.of("industry", i % 2 == 0 ? "Software" : "Retail", "name", "Co " + i, "size", i % 4),
                    Map.of("email", "x" + i + "@example.com", "title", "CTO"),
                    Map.of("partner", partner, "tags", List.of("a", "A ", i % 2 == 0 ? "b" : "c"))),
                    outcome(won, !won && i % 3 == 0));
        }
        List<SuggestionTally.Suggestion> top = tally.top(5, 10);
        assertEquals("custom.partner", top.get(0).attribute());
        assertEquals("false", top.get(0).value(), "the tie of true and false goes by value");
        SuggestionTally.Suggestion yes = top.get(1);
        assertEquals("true", yes.value());
        assertEquals(20, yes.leads());
        assertEquals(new BigDecimal("45.0"), yes.wonRate());
        assertEquals(new BigDecimal("5.0"), yes.wonRateOthers());
        assertEquals(new BigDecimal("1.80"), yes.lift());
        assertTrue(top.stream().noneMatch(s -> s.attribute().equals("company.industry")), "used by a criterion");
        assertTrue(top.stream().noneMatch(s -> s.attribute().startsWith("contact.email")), "never contact data");
        assertTrue(top.stream().noneMatch(s -> s.attribute().equals("custom.tags") && s.value().equals("a")),
                "a value every lead has is no suggestion");
        assertTrue(top.stream().noneMatch(s -> s.attribute().equals("company.name")), "fewer than 5 leads each");
    }

    @Test
    void dropsAttributesWithTooManyDistinctValues() {
        SuggestionTally tally = new SuggestionTally(Set.of(), 10);
        for (int i = 0; i < 50; i++) {
            tally.add(new LeadAttributes(Map.of("name", "Co " + i, "tier", i % 2), null, null), outcome(i % 2 == 0, false));
        }
        assertEquals(List.of("company.name"), tally.dropped());
        assertEquals("company.tier", tally.top(5, 10).get(0).attribute());
    }

    @Property
    void suggestionsAreOrderedByDifferenceAndRespectTheMinimum(@ForAll @IntRange(min = 1, max = 30) int minLeads,
            @ForAll @IntRange(min = 1, max = 400) int leads) {
        SuggestionTally tally = new SuggestionTally(Set.of(), 1000);
        for (int i = 0; i < leads; i++) {
            tally.add(new LeadAttributes(Map.of("a", i % 7, "b", i % 3 == 0), null, null),
                    outcome(i % 5 == 0 || i % 7 == 1, i % 4 == 0));
        }
        List<SuggestionTally.Suggestion> top = tally.top(minLeads, 100);
        double previous = Double.MAX_VALUE;
        for (SuggestionTally.Suggestion s : top) {
            assertTrue(s.leads() >= minLeads);
            double difference = s.wonRate().subtract(s.wonRateOthers()).abs().doubleValue();
            assertTrue(difference <= previous + 0.1, "ordered by difference");
            previous = difference;
        }
    }
}
