package io.accord.icp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One side's decision on a proposed version: {@code approve} or {@code reject}. Never changes once made. */
@Entity
@Table(name = "icp_approvals")
public class IcpApproval {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    @Id
    public UUID id;
    public UUID versionId;
    /** {@code marketing} or {@code sales}. */
    public String side;
    public String decision;
    public String principal;
    public Instant at;
    public String comment;
    /** The backtest this side saw when it approved (null: none existed). */
    public UUID backtestId;
    public Instant backtestAt;
    /** Whether that backtest was stale (scored an older edit) and the approver acknowledged it. */
    public boolean backtestStale;

    IcpVersionLifecycle.Decision toDecision() {
        return new IcpVersionLifecycle.Decision(IcpVersionLifecycle.Side.fromWire(side).orElseThrow(), principal,
                APPROVE.equals(decision));
    }
}
