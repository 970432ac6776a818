package io.accord.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Lead", description = "A lead, its fit with the active ICPs and where it is in the lifecycle.")
public record LeadView(
        UUID id,
        @Schema(example = "hubspot") String source,
        @Schema(example = "contact-48151623") String externalId,
        @Schema(example = "mql", enumeration = {"new", "mql", "accepted", "qualified", "won", "lost", "rejected",
            "recycled"}) String status,
        Map<String, Object> company,
        @Schema(description = "Contact attributes. For a caller without a role in `accord.privacy.contact-roles` "
                + "(default: admin, marketing, sales, sales_manager; so not viewer or integrator) `email` and `phone` "
                + "are always present and `null`. Empty once the lead is erased.",
                example = "{\"name\": \"Ada Weber\", \"email\": \"ada@acme.example\", \"phone\": null}")
        Map<String, Object> contact,
        Map<String, Object> custom,
        @Schema(example = "u-2001", nullable = true) String ownerId,
        @Schema(example = "emea-inbound", nullable = true) String teamKey,
        @Schema(nullable = true, description = "Null when no ICP was active at evaluation") LeadFit fit,
        @Schema(example = "2026-11-20T16:00:00Z", nullable = true, description = "The latest hand-off") Instant handedOffAt,
        @Schema(nullable = true) Rejection rejection,
        @Schema(example = "won", nullable = true, enumeration = {"won", "lost"}) String outcome,
        @Schema(example = "[\"accept\", \"reject\", \"recycle\", \"assign\", \"log_touch\"]",
                description = "What the lead's status allows now") List<String> allowedActions,
        @Schema(example = "2026-11-20T15:58:00Z") Instant createdAt,
        @Schema(example = "2026-11-20T16:00:00Z") Instant updatedAt,
        @Schema(nullable = true, example = "2026-12-01T10:00:00Z", description = "When the lead's personal data was "
                + "erased (`POST /api/v1/leads/{id}/erase`); company, contact and custom are then empty and "
                + "`externalId` is `erased:<id>`") Instant erasedAt,
        @Schema(nullable = true, description = "The lead's hold (`POST /api/v1/leads/{id}/hold`), null when it has "
                + "none; a hold whose `until` has passed has ended by itself") Hold hold) {

    /** The same lead with another contact (what a caller may read). */
    LeadView withContact(Map<String, Object> shown) {
        return new LeadView(id, source, externalId, status, company, shown, custom, ownerId, teamKey, fit, handedOffAt,
                rejection, outcome, allowedActions, createdAt, updatedAt, erasedAt, hold);
    }

    @Schema(name = "LeadHold", description = "While a lead is on hold its holdable SLA clocks are paused")
    public record Hold(
            @Schema(example = "Waiting for the prospect's legal review") String reason,
            @Schema(example = "2026-11-20T16:00:00Z") Instant since,
            @Schema(nullable = true, example = "2026-11-23T09:00:00Z", description = "When the hold ends by itself; "
                    + "null: until resumed") Instant until) {
    }

    @Schema(name = "LeadRejection")
    public record Rejection(
            @Schema(example = "no_budget", enumeration = {"not_icp_fit", "bad_contact_data", "duplicate", "no_budget",
                "no_authority", "competitor", "other"}) String reason,
            @Schema(nullable = true, example = "Budget frozen until Q3") String note) {
    }
}
