package io.accord.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestMarkdownTest {

    @Test
    void rendersBothSidesOnOnePage() {
        String expected = """
                # Weekly alignment digest — 2026-W47

                Monday 16 November 2026 to Sunday 22 November 2026 (Europe/Berlin). Generated Mon 23 Nov 08:00.

                ## Sales: follow-up SLA

                **89.7 %** of deadlines met on time (previous week 86.2 %, +3.5 pts).
                120 deadlines: 104 met on time, 9 met late, 4 breached, 2 cancelled, 1 still running.
                Time to meet a deadline: median 42 min (30 min in business hours), 90th percentile 3 h 10 min (2 h in business hours).

                | Team | Deadlines | On time | Late | Breached | Compliance |
                |---|--:|--:|--:|--:|--:|
                | emea-sales | 89 | 80 | 5 | 1 | 93.0 % |
                | us\\|sales | 31 | 24 | 4 | 3 | 77.4 % |

                ### Worst breaches

                | Lead | Owner | Team | Milestone | Due | Overdue |
                |---|---|---|---|---|--:|
                | Acme \\*GmbH\\* | rep-42 | emea-sales | first\\_touch | Wed 18 Nov 11:00 | 1 d 2 h, still open |
                | 00000000-0000-0000-0000-0000000000a2 | – | us\\|sales | decision | Fri 20 Nov 16:30 | 3 h 15 min |

                ## Marketing: lead commitments

                130 leads handed off to sales, 97 accepted by sales.

                | Commitment | Period | Target | Actual | Attainment | Projected | Status |
                |---|---|--:|--:|--:|--:|---|
                | EMEA tier B+ (emea-b-weekly) | 16 Nov 2026 – 22 Nov 2026 | 120 | 97 | 80.8 % | 97 | ❌ missed |
                | Q4 accepted (q4-accepted) | 1 Oct 2026 – 31 Dec 2026 | 1000 | 640 | 64.0 % | 1013 | open |

                ## Funnel of the week's new leads

                | Stage | Reached | In stage now |
                |---|--:|--:|
                | new | 100 | 20 |
                | mql | 80 | 15 |
                | accepted | 60 | 31 |
                | qualified | 15 | 10 |
                | won | 3 | 3 |
                | lost | 2 | 2 |
                | rejected | 12 | 12 |
                | recycled | 7 | 7 |

                Conversion: new → mql 80.0 %, mql → accepted 75.0 %, accepted → qualified 25.0 %, qualified → won 20.0 %, mql → won 3.8 %.

                ## Top rejection reasons

                | Reason | This week | Previous week |
                |---|--:|--:|
                | not\\_icp\\_fit | 8 | 3 |
                | no\\_budget | 4 | 5 |

                ## Change from the previous week

                | Figure | This week | Previous week | Change |
                |---|--:|--:|--:|
                | SLA compliance | 89.7 % | 86.2 % | +3.5 pts |
                | Deadlines breached | 4 | 6 | -2 |
                | Leads handed off | 130 | 118 | +12 |
                | Speed to lead (median) | 38 min | 45 min | -7 min |
                | Leads won | 3 | – | – |
                """;
        assertEquals(expected, DigestMarkdown.render(ReportFixtures.digest()));
    }

    @Test
    void saysSoWhenAWeekIsEmpty() {
        WeeklyDigest full = ReportFixtures.digest();
        SlaComplianceReport.Group none = ReportFixtures.sla(null, 0, 0, 0, 0, 0, null, null, null, null, null);
        WeeklyDigest empty = new WeeklyDigest(full.week(), full.zone(), full.from(), full.to(), full.generatedAt(),
                new WeeklyDigest.Sales(none, List.of(), List.of()), new WeeklyDigest.Marketing(0, 0, List.of()),
                ReportFixtures.funnel(null, new long[8], new long[8], List.of()), List.of(), List.of());
        String md = DigestMarkdown.render(empty);
        assertTrue(md.contains("No SLA deadlines fell in this week."), md);
        assertTrue(md.contains("No breaches this week."), md);
        assertTrue(md.contains("0 leads handed off to sales, 0 accepted by sales."), md);
        assertTrue(md.contains("No commitments."), md);
        assertTrue(md.contains("No leads were created this week."), md);
        assertTrue(md.contains("Sales rejected no leads this week."), md);
    }

    @Test
    void escapesMarkupInUserValues() {
        assertEquals("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<script\\> \\# g", DigestMarkdown.text("a|b *c* _d_ [e](f) <script> # g"));
        assertEquals("two lines", DigestMarkdown.text("two\nlines"));
    }

    @Test
    void showsDurationsForPeople() {
        assertEquals("45 s", DigestMarkdown.human(Duration.ofSeconds(45)));
        assertEquals("38 min", DigestMarkdown.human(Duration.ofSeconds(38 * 60 + 59)));
        assertEquals("3 h", DigestMarkdown.human(Duration.ofHours(3)));
        assertEquals("3 h 10 min", DigestMarkdown.human(Duration.ofMinutes(190)));
        assertEquals("2 d 4 h", DigestMarkdown.human(Duration.ofHours(52)));
        assertEquals("1 d", DigestMarkdown.human(Duration.ofHours(24)));
        assertEquals("+3.5", DigestMarkdown.signed(new BigDecimal("3.5")));
        assertEquals("0.0", DigestMarkdown.signed(new BigDecimal("0.0")));
    }
}
