package cluster.master;

import java.util.Map;
import java.util.Set;

/**
 * The master's role and, while it leads, the books of its term.
 *
 * <p>Transitions (anything else throws):
 * <pre>
 *   STANDBY             → RECOVERING           MasterElectedLeader, something was persisted
 *   STANDBY             → ALIVE                MasterElectedLeader, nothing was persisted
 *   RECOVERING          → COMPLETING_RECOVERY  MasterCompleteRecovery (transient, inside the step)
 *   COMPLETING_RECOVERY → ALIVE                MasterCompleteRecovery
 *   RECOVERING, ALIVE   → STANDBY              MasterRevokedLeadership (the term's books are dropped)
 * </pre>
 */
public final class MasterState {

    private static final Map<MasterRole, Set<MasterRole>> LEGAL = Map.of(
            MasterRole.STANDBY, Set.of(MasterRole.RECOVERING, MasterRole.ALIVE),
            MasterRole.RECOVERING, Set.of(MasterRole.COMPLETING_RECOVERY, MasterRole.STANDBY),
            MasterRole.COMPLETING_RECOVERY, Set.of(MasterRole.ALIVE),
            MasterRole.ALIVE, Set.of(MasterRole.STANDBY));

    private MasterRole role = MasterRole.STANDBY;
    private LeaderTerm term;

    public MasterRole role() {
        return role;
    }

    /** The books of the current term; null in STANDBY. */
    public LeaderTerm term() {
        return term;
    }

    /** Spec {@code mEpoch[m]}: the epoch it leads with, 0 if it does not lead. */
    public long epoch() {
        return term == null ? 0 : term.epoch;
    }

    void transitionToLeader(LeaderTerm newTerm, MasterRole leaderRole) {
        move(leaderRole);
        term = newTerm;
    }

    void transitionTo(MasterRole next) {
        if (next == MasterRole.STANDBY) {
            throw new IllegalStateException("use transitionToStandby");
        }
        move(next);
    }

    /** Steps down: the term's books die with it. */
    void transitionToStandby() {
        move(MasterRole.STANDBY);
        term = null;
    }

    private void move(MasterRole next) {
        if (!LEGAL.get(role).contains(next)) {
            throw new IllegalStateException("illegal master transition " + role + " -> " + next);
        }
        role = next;
    }
}
