package io.accord.sla;

import io.accord.calendar.BusinessCalendar;
import io.accord.common.FieldError;
import io.accord.people.AssigneePicker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation of an SLA policy as it arrives, and its normal form. Pure; no framework types.
 *
 * <p>Rules, with the field paths reported: {@code key} a lowercase slug of at most 64 characters (required on create);
 * {@code name} 1 to 200 characters; {@code priority} between -1,000,000 and 1,000,000; {@code calendarKey} required
 * (its existence is checked by the service); each condition list at most 100 non-blank strings
 * ({@code conditions.countries[i]} two letters, upper-cased; duplicates dropped); {@code milestones} one to five, each
 * kind at most once ({@code milestones[i].kind}), not {@code next_response} alone (it starts on inbound messages, and
 * a hand-off must start a clock to record its policy); {@code milestones[i].holdable} optional, default true; {@code milestones[i].target} and {@code escalateAfter} positive ISO
 * 8601 durations of whole seconds up to P366D; {@code milestones[i].warnAt} strictly between 0 and 1;
 * {@code milestones[i].attempts} 1 to 100 for {@code attempts} and absent otherwise;
 * {@code milestones[i].onBreach.reassign} (when {@code onBreach} is given): {@code to} round_robin or least_loaded,
 * {@code pool} a team key (its existence is checked by the service), {@code excludePrevious} 1 to 20 (default 1),
 * {@code markOwnerUnavailableFor} a duration as above, {@code clock} fresh (default) or remaining, which needs the
 * milestone's {@code escalateAfter}.
 */
public final class SlaPolicyRules {

    /** A valid policy in normal form. */
    public record Definition(String name, int priority, boolean enabled, String calendarKey,
            PolicySelector.Conditions conditions, List<MilestoneTarget> milestones, String businessTime) {
    }

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final int MAX_PRIORITY = 1_000_000;
    private static final int MAX_VALUES = 100;
    /** The contract's maxLength of a duration; every duration up to P366D fits in far fewer characters. */
    static final int MAX_DURATION_TEXT = 64;

    private SlaPolicyRules() {
    }

    /** Every violated rule, in field order. */
    public static List<FieldError> validate(SlaPolicyRequest r, boolean keyRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (r.key() == null || r.key().isBlank()) {
            if (keyRequired) {
                errors.add(new FieldError("key", "is required"));
            }
        } else if (r.key().length() > 64 || !SLUG.matcher(r.key()).matches()) {
            errors.add(new FieldError("key", "must be a lowercase slug (a-z, 0-9, -) of at most 64 characters"));
        }
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (r.name().length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        if (r.priority() != null && Math.abs((long) r.priority()) > MAX_PRIORITY) {
            errors.add(new FieldError("priority", "must be between -1000000 and 1000000"));
        }
        if (r.calendarKey() == null || r.calendarKey().isBlank()) {
            errors.add(new FieldError("calendarKey", "is required"));
        }
        if (r.businessTime() != null && !List.of("team", "owner", "both").contains(r.businessTime())) {
            errors.add(new FieldError("businessTime", "must be one of: team, owner, both"));
        }
        SlaPolicyRequest.Conditions c = r.conditions();
        if (c != null) {
            values(errors, "conditions.tiers", c.tiers(), null);
            values(errors, "conditions.icpKeys", c.icpKeys(), null);
            values(errors, "conditions.sources", c.sources(), null);
            values(errors, "conditions.countries", c.countries(), COUNTRY);
            values(errors, "conditions.teamKeys", c.teamKeys(), null);
        }
        milestones(errors, r.milestones());
        return errors;
    }

    /** The normal form of a request that {@link #validate} accepted. */
    public static Definition normalize(SlaPolicyRequest r) {
        SlaPolicyRequest.Conditions c = r.conditions() == null
                ? new SlaPolicyRequest.Conditions(null, null, null, null, null) : r.conditions();
        PolicySelector.Conditions conditions = new PolicySelector.Conditions(distinct(c.tiers(), false),
                distinct(c.icpKeys(), false), distinct(c.sources(), false), distinct(c.countries(), true),
                distinct(c.teamKeys(), false));
        List<MilestoneTarget> milestones = r.milestones().stream().map(SlaPolicyRules::target).toList();
        return new Definition(r.name().trim(), r.priority() == null ? 0 : r.priority(),
                r.enabled() == null || r.enabled(), r.calendarKey(), conditions, milestones,
                r.businessTime() == null ? "team" : r.businessTime());
    }

    /** A milestone as stored and shown: durations as ISO 8601 text. */
    public static SlaPolicyRequest.MilestoneSpec spec(MilestoneTarget t) {
        return new SlaPolicyRequest.MilestoneSpec(t.kind().wire(), t.target().toString(), t.warnAt(),
                t.escalateAfter() == null ? null : t.escalateAfter().toString(), t.attempts(), onBreachSpec(t.onBreach()),
                t.holdable());
    }

    private static SlaPolicyRequest.OnBreach onBreachSpec(BreachReassignment r) {
        if (r == null) {
            return null;
        }
        return new SlaPolicyRequest.OnBreach(new SlaPolicyRequest.Reassign(r.to().wire(), r.pool(), r.excludePrevious(),
                r.markOwnerUnavailableFor() == null ? null : r.markOwnerUnavailableFor().toString(), r.respectHours(),
                r.clock().wire()));
    }

    /** The pools (team keys) a valid request's milestones reassign to, with the field path of each. */
    public static List<FieldError> pools(SlaPolicyRequest r) {
        List<FieldError> pools = new ArrayList<>();
        for (int i = 0; i < r.milestones().size(); i++) {
            SlaPolicyRequest.MilestoneSpec m = r.milestones().get(i);
            if (m.onBreach() != null && m.onBreach().reassign() != null) {
                pools.add(new FieldError("milestones[" + i + "].onBreach.reassign.pool", m.onBreach().reassign().pool()));
            }
        }
        return pools;
    }

    /** A stored (valid) milestone. */
    public static MilestoneTarget target(SlaPolicyRequest.MilestoneSpec m) {
        return new MilestoneTarget(Milestone.parse(m.kind()).orElseThrow(), Duration.parse(m.target()),
                m.warnAt() == null ? null : m.warnAt().stripTrailingZeros(),
                m.escalateAfter() == null ? null : Duration.parse(m.escalateAfter()), m.attempts(),
                m.onBreach() == null ? null : reassignment(m.onBreach().reassign()),
                m.holdable() == null || m.holdable());
    }

    private static BreachReassignment reassignment(SlaPolicyRequest.Reassign r) {
        return new BreachReassignment(AssigneePicker.Strategy.parse(r.to()).orElseThrow(), r.pool().trim(),
                r.excludePrevious() == null ? 1 : r.excludePrevious(),
                r.markOwnerUnavailableFor() == null ? null : Duration.parse(r.markOwnerUnavailableFor()),
                r.respectHours() != null && r.respectHours(),
                r.clock() == null ? BreachReassignment.ClockMode.FRESH : BreachReassignment.ClockMode.parse(r.clock()).orElseThrow());
    }

    private static void onBreach(List<FieldError> errors, String path, SlaPolicyRequest.OnBreach onBreach,
            boolean escalates) {
        SlaPolicyRequest.Reassign r = onBreach.reassign();
        if (r == null) {
            errors.add(new FieldError(path + ".reassign", "is required"));
            return;
        }
        path = path + ".reassign";
        if (r.to() == null) {
            errors.add(new FieldError(path + ".to", "is required"));
        } else if (AssigneePicker.Strategy.parse(r.to()).isEmpty()) {
            errors.add(new FieldError(path + ".to", "must be one of: round_robin, least_loaded"));
        }
        if (r.pool() == null || r.pool().isBlank()) {
            errors.add(new FieldError(path + ".pool", "is required"));
        } else if (r.pool().length() > 64 || !SLUG.matcher(r.pool()).matches()) {
            errors.add(new FieldError(path + ".pool", "must be a team key"));
        }
        if (r.excludePrevious() != null && (r.excludePrevious() < 1 || r.excludePrevious() > BreachReassignment.MAX_EXCLUDE)) {
            errors.add(new FieldError(path + ".excludePrevious", "must be between 1 and " + BreachReassignment.MAX_EXCLUDE));
        }
        if (r.markOwnerUnavailableFor() != null) {
            duration(errors, path + ".markOwnerUnavailableFor", r.markOwnerUnavailableFor());
        }
        if (r.clock() != null) {
            Optional<BreachReassignment.ClockMode> mode = BreachReassignment.ClockMode.parse(r.clock());
            if (mode.isEmpty()) {
                errors.add(new FieldError(path + ".clock", "must be one of: fresh, remaining"));
            } else if (mode.get() == BreachReassignment.ClockMode.REMAINING && !escalates) {
                errors.add(new FieldError(path + ".clock", "remaining needs the milestone's escalateAfter: the new clock "
                        + "is due at the breached clock's escalation point"));
            }
        }
    }

    private static void milestones(List<FieldError> errors, List<SlaPolicyRequest.MilestoneSpec> milestones) {
        if (milestones == null || milestones.isEmpty()) {
            errors.add(new FieldError("milestones", "must contain at least one milestone"));
            return;
        }
        if (milestones.size() > Milestone.values().length) {
            errors.add(new FieldError("milestones", "must contain at most one milestone of each kind"));
            return;
        }
        Set<Milestone> seen = EnumSet.noneOf(Milestone.class);
        for (int i = 0; i < milestones.size(); i++) {
            String path = "milestones[" + i + "]";
            SlaPolicyRequest.MilestoneSpec m = milestones.get(i);
            if (m == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            Milestone kind = null;
            if (m.kind() == null) {
                errors.add(new FieldError(path + ".kind", "is required"));
            } else {
                kind = Milestone.parse(m.kind()).orElse(null);
                if (kind == null) {
                    errors.add(new FieldError(path + ".kind", "must be one of: first_touch, decision, attempts, qualification, next_response"));
                } else if (!seen.add(kind)) {
                    errors.add(new FieldError(path + ".kind", "repeats an earlier milestone of kind " + m.kind()));
                }
            }
            if (m.target() == null) {
                errors.add(new FieldError(path + ".target", "is required"));
            } else {
                duration(errors, path + ".target", m.target());
            }
            if (m.warnAt() != null && (m.warnAt().signum() <= 0 || m.warnAt().compareTo(BigDecimal.ONE) >= 0)) {
                errors.add(new FieldError(path + ".warnAt", "must be greater than 0 and less than 1"));
            }
            if (m.escalateAfter() != null) {
                duration(errors, path + ".escalateAfter", m.escalateAfter());
            }
            if (kind == Milestone.ATTEMPTS) {
                if (m.attempts() == null) {
                    errors.add(new FieldError(path + ".attempts", "is required for an attempts milestone"));
                } else if (m.attempts() < 1 || m.attempts() > 100) {
                    errors.add(new FieldError(path + ".attempts", "must be between 1 and 100"));
                }
            } else if (kind != null && m.attempts() != null) {
                errors.add(new FieldError(path + ".attempts", "is only allowed for an attempts milestone"));
            }
            if (m.onBreach() != null) {
                onBreach(errors, path + ".onBreach", m.onBreach(), m.escalateAfter() != null);
            }
        }
        if (!seen.isEmpty() && seen.stream().noneMatch(Milestone::startsAtHandOff)) {
            errors.add(new FieldError("milestones", "needs a milestone that starts at hand-off besides next_response"));
        }
    }

    private static void duration(List<FieldError> errors, String field, String text) {
        Duration d;
        if (text.length() > MAX_DURATION_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_DURATION_TEXT + " characters"));
            return;
        }
        try {
            d = Duration.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO 8601 duration such as PT4H or P1D"));
            return;
        }
        if (d.isNegative() || d.isZero()) {
            errors.add(new FieldError(field, "must be positive"));
        } else if (d.getNano() != 0) {
            errors.add(new FieldError(field, "must be whole seconds"));
        } else if (d.compareTo(BusinessCalendar.MAX_DURATION) > 0) {
            errors.add(new FieldError(field, "must be at most P366D"));
        }
    }

    private static void values(List<FieldError> errors, String field, List<String> values, Pattern pattern) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(field, "must have at most " + MAX_VALUES + " values"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || v.isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            } else if (v.length() > 200) {
                errors.add(new FieldError(field + "[" + i + "]", "must be at most 200 characters"));
            } else if (pattern != null && !pattern.matcher(v).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be an ISO 3166-1 alpha-2 code such as DE"));
            }
        }
    }

    private static List<String> distinct(List<String> values, boolean upper) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream()
                .map(v -> upper ? v.trim().toUpperCase(Locale.ROOT) : v.trim()).toList()));
    }
}
