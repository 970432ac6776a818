package io.accord.lead;

import io.accord.common.FieldError;
import io.accord.common.Problem;
import io.accord.common.ProblemKind;
import java.util.List;
import java.util.Map;

/**
 * One pushed lead on its way through intake ({@link LeadIntake}, {@link IntakeWriter}); {@code problem} is set once
 * it failed, and a failed item goes no further.
 */
final class IntakeItem {

    final int index;
    /** Field paths of this item start with it: "" for a single push, {@code items[3].} in a bulk push. */
    final String prefix;
    LeadRequest request;
    Problem problem;
    LeadFit fit;
    LeadIntakeRepository.Row row;
    LeadIntakeRepository.Written written;
    LeadClocks.HandOff handOff;

    IntakeItem(int index, String prefix, LeadRequest request) {
        this.index = index;
        this.prefix = prefix;
        this.request = request;
    }

    /** The lead's identity, (source, externalId). */
    String key() {
        return request.source() + '\u0000' + request.externalId();
    }

    boolean failed() {
        return problem != null;
    }

    /** Fails the item with a problem of {@code kind} naming {@code errors} (at least one). */
    void fail(ProblemKind kind, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        problem = new Problem(kind.type(), kind.title(), kind.status(), detail, null, errors, Map.of());
    }
}
