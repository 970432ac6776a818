package io.accord.alert;

import java.util.UUID;

/**
 * An event about to be appended: its type ({@code alert.created}, {@code alert.acknowledged}, {@code alert.resolved}),
 * the alert's filterable fields, and the JSON body receivers get as {@code data}.
 */
public record EventDraft(String type, UUID alertId, String alertKind, String alertStatus, UUID leadId, String ownerId,
        String teamKey, String tier, String data) {
}
