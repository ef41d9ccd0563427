------------------------------ MODULE TraceData ------------------------------
(* Placeholder: the trace checker writes the real TraceData module (a run's *)
(* merged trace and the constants learned from it) into its working copy.   *)
(* With this one, TraceSparkStandalone accepts the empty trace at once.     *)
TMasters == {"m1"}
TWorkers == {"w1"}
TWorkerCores == [w \in TWorkers |-> 1]
TWorkerMemory == [w \in TWorkers |-> 1]
TApps == {"d1"}
TShape == [a \in TApps |-> [cpe |-> 1, mem |-> 1, maxCores |-> 0, dynamic |-> FALSE]]
TInitialTarget(a) == 1000000
TLog == <<>>
=============================================================================
