package cluster.master;

/**
 * The master's role (spec {@code mState}; Spark's {@code RecoveryState}). DOWN is not a role: a
 * crashed master has no core at all. COMPLETING_RECOVERY exists only inside
 * {@code masterCompleteRecovery}, as in Spark; no other step ever sees it.
 */
public enum MasterRole {
    STANDBY, RECOVERING, COMPLETING_RECOVERY, ALIVE;

    /** The spec's {@code Leading(m)}: RECOVERING or ALIVE (or between them). */
    public boolean leading() {
        return this != STANDBY;
    }
}
