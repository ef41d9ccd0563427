package cluster.messages;

/** The master's role, as in Spark's {@code RecoveryState}; reported by {@link MasterStateResponse}. */
public enum RecoveryState {
    STANDBY, ALIVE, RECOVERING, COMPLETING_RECOVERY
}
