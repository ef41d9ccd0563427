---------------------------------- MODULE MC ----------------------------------
(* Model values, application shapes, symmetry and state constraints for TLC. *)
(* Each configuration in models/ instantiates the protocol through this module. *)
EXTENDS SparkStandalone

CONSTANTS m1, m2, m3, w1, w2, w3, a1, a2

Shape(cpe, mem, maxCores, dynamic) == [cpe |-> cpe, mem |-> mem, maxCores |-> maxCores, dynamic |-> dynamic]

\* a1: coresPerExecutor unset, no cap; a2: 1-core executors, capped at 1 core, dynamic allocation.
ShapesMixed == [a \in Apps |-> IF a = a1 THEN Shape(0, 1, 0, FALSE) ELSE Shape(1, 1, 1, TRUE)]
\* a1: 1-core executors of 2 memory units, cap 2 (memory binds); a2: 1-core executors, cap 1 (the cap binds).
ShapesMemory == [a \in Apps |-> IF a = a1 THEN Shape(1, 2, 2, FALSE) ELSE Shape(1, 1, 1, FALSE)]
\* One static app that takes what it can.
ShapesOne == [a \in Apps |-> Shape(1, 1, 0, FALSE)]
\* One static app of 1-core executors capped at 1 core: a worker of 2 cores has room for an executor it does not need.
ShapesCapped == [a \in Apps |-> Shape(1, 1, 1, FALSE)]

\* Worker sizes (WorkerCores, WorkerMemory): every worker of one size, or of different sizes.
OneUnit == [w \in Workers |-> 1]
TwoUnits == [w \in Workers |-> 2]
CoresMixed == [w \in Workers |-> IF w = w1 THEN 1 ELSE IF w = w2 THEN 2 ELSE 3]
MemoryMixed == [w \in Workers |-> IF w = w3 THEN 3 ELSE 2]

\* Sound only where every worker has the same size (a permutation must map states to equivalent states).
Symmetry == Permutations(Workers) \cup Permutations(Masters)

\* As an ACTION_CONSTRAINT: the network loses only messages of these types (a
\* focused model: a loss of any message anywhere multiplies the states at
\* every step, and a scenario of twenty steps is then out of reach).
LosesOnly(types) ==
    (faults' > faults /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars>>)
        => \A x \in msgs \ msgs' : x.type \in types
LosesOnlyReconnectWorker == LosesOnly({"ReconnectWorker"})
LosesOnlyRecoveryAnswers == LosesOnly({"MasterChangeAcknowledged", "ApplicationRemoved"})
\* A focus on workers and failover: drivers hear nothing (what is sent to them
\* stays in flight), executors never register with their driver, executor
\* state reports stay in flight, and only ReconnectWorker may be lost. Each is
\* a behaviour the spec has, so a violation found is real; the twenty-odd
\* steps of a scenario about registrations then fit an exhaustive search.
RegistrationFocus ==
    /\ LosesOnlyReconnectWorker
    /\ \A x \in msgs : (ForDriver(x) \/ x.type = "ExecutorStateChanged") => x \in msgs'
    /\ \A x \in msgs' \ msgs : x.type # "RegisterExecutor"

\* Exhaustive up to a depth: every state reachable in fewer than MaxDepth steps
\* (levels 1..MaxDepth; an initial state is level 1).
CONSTANT MaxDepth
\* As a CONSTRAINT: TLC evaluates it on a successor with TLCGet("level") = the
\* level of the state being expanded, so it keeps levels 1..MaxDepth, but it
\* still expands every state of level MaxDepth only to discard all successors.
DepthBound == TLCGet("level") < MaxDepth
\* The same bound in the next-state relation: in an action TLCGet("level") is
\* the level of the state the step starts from, so a state of level MaxDepth
\* takes no step. The same states (levels 1..MaxDepth, every one checked)
\* without generating the last level's discarded successors (measured in
\* spec/README.md). Models with this specification need CHECK_DEADLOCK FALSE.
BoundedNext == TLCGet("level") < MaxDepth /\ Next
BoundedSpec == Init /\ [][BoundedNext]_vars
================================================================================
