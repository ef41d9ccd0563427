--------------------------- MODULE SparkStandalone ---------------------------
(***************************************************************************)
(* The executor-launch protocol of our standalone cluster manager: drivers *)
(* register applications with a leader master, the leader allocates       *)
(* executors on workers by Spark's rules, workers start executor          *)
(* processes that register back with their driver, and several masters    *)
(* fail over through a linearizable coordination service that grants      *)
(* leadership with a strictly increasing epoch.                           *)
(*                                                                         *)
(* This module is the source of truth: every action below has a Java      *)
(* handler of the same name and a trace event of the same name (see       *)
(* spec/README.md for the mapping).                                        *)
(*                                                                         *)
(* Where Spark standalone is unsafe (../shared/spark-standalone.md §9) the *)
(* protocol here fixes it:                                                 *)
(*  - every master command carries its epoch and workers and drivers       *)
(*    refuse commands older than the newest epoch they have seen;          *)
(*  - executor id counters and executor targets are persisted, so ids      *)
(*    never repeat across failover and targets survive it;                 *)
(*  - state reports are acknowledged, retried and handled idempotently;    *)
(*  - a registered worker is used only once its list of running executors  *)
(*    has arrived, and the leader asks for the list again until it does    *)
(*    (Spark sends WorkerLatestState once and uses the worker at once);    *)
(*  - a worker checks its free resources before it launches;               *)
(*  - executors the leader does not know are killed, not forgotten;        *)
(*  - finished applications leave a tombstone, so a late duplicate         *)
(*    registration cannot revive them;                                     *)
(*  - a master that loses leadership steps down to STANDBY.                *)
(*                                                                         *)
(* The network loses (NetDrop), duplicates and reorders messages: `msgs`  *)
(* is a set of messages in flight, delivered in any order; a delivery     *)
(* normally consumes the message, and as a fault it leaves a copy behind  *)
(* that can be delivered again (duplication). Retransmission timers are   *)
(* abstracted: a node sends again when nothing it waits for is in flight. *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets, Sequences, TLC

CONSTANTS
    Masters,            \* master processes
    Workers,            \* worker machines (a restarted worker gets a new incarnation)
    Apps,               \* drivers; each registers one application
    WorkerCores,        \* [Workers -> Nat]: the cores of each worker (workers may differ in size)
    WorkerMemory,       \* [Workers -> Nat]: the memory units of each worker
    AppShape,           \* [Apps -> [cpe, mem, maxCores, dynamic]]; cpe = 0: unset; maxCores = 0: unset
    DefaultCores,       \* spark.deploy.defaultCores: the cap of an app that sets no maxCores
    SpreadOutValues,    \* {TRUE}, {FALSE} or BOOLEAN: spark.deploy.spreadOut, chosen once at Init
    MaxExecutorRetries, \* spark.deploy.maxExecutorRetries
    MaxTarget,          \* largest executor total a dynamic-allocation driver requests
    MaxEpoch,           \* bound on leadership terms (keeps the model finite)
    MaxFaults,          \* crashes, false suspicions, session losses, drops and duplicates, in all
    FaultKinds,         \* which faults the model injects: a subset of AllFaultKinds
    MaxAppEvents,       \* driver stops, executor exits, RequestExecutors and KillExecutors, in all
    AppEventKinds       \* which application events the model has: a subset of AllAppEventKinds

None == "none"
AllAppEventKinds == {"stop", "exit", "request", "kill"}
AllFaultKinds == {"masterCrash", "sessionLoss", "falseSuspicion", "clientSuspicion", "workerCrash", "drop", "duplicate"}
Unlimited == 1000000
LeaderStates == {"RECOVERING", "ALIVE"}
MasterStates == {"DOWN", "STANDBY", "RECOVERING", "ALIVE"}
FinishedExecStates == {"EXITED", "FAILED", "KILLED"}

VARIABLES
    \* --- the coordination service (linearizable) ---
    zkLeader,        \* the master holding leadership, or None
    zkEpoch,         \* epoch of the latest leadership grant; strictly increasing
    storeApp,        \* [Apps -> [state \in {"NONE","ACTIVE","FINISHED"}, nextExecId, target]]
    storeWorker,     \* [Workers -> incarnation of the persisted worker record, 0 if none]
    \* --- masters (all volatile except nothing: a crash loses everything) ---
    mState,          \* [Masters -> MasterStates]
    mEpoch,          \* [Masters -> epoch it leads with, 0 if it does not lead]
    mApps,           \* [Masters -> [Apps -> [state, nextExecId, target, retries]]]
    mAppOrder,       \* [Masters -> Seq(Apps)]: FIFO registration order of active apps
    mWorkers,        \* [Masters -> [Workers -> [state \in {"NONE","UNKNOWN","ALIVE"}, inc]]]
    mWorkerOrder,    \* [Masters -> Seq(Workers)]: ALIVE workers in registration order
    mExecs,          \* [Masters -> set of booked executors [app, id, worker, cores, mem, state]]
    \* --- workers ---
    wUp,             \* [Workers -> BOOLEAN]
    wInc,            \* [Workers -> incarnation number of the current process]
    wMaster,         \* [Workers -> the master it reports to, or None]
    wEpoch,          \* [Workers -> newest epoch seen in this incarnation]
    wExecs,          \* [Workers -> set of running executor processes [app, id, cores, mem, registered, running]]
    wSeen,           \* [Workers -> set of <<app, id>> this incarnation launched, refused or killed]
    wReports,        \* [Workers -> set of unacknowledged state reports [app, id, state, normal, driverGone]]
    \* --- drivers (app client and scheduler endpoint) ---
    dState,          \* [Apps -> {"REGISTERING","REGISTERED","DONE"}]
    dMaster,         \* [Apps -> master it follows, or None]
    dEpoch,          \* [Apps -> newest epoch seen]
    dExecs,          \* [Apps -> set of executor ids registered with the driver]
    \* --- the network ---
    msgs,
    \* --- environment ---
    spreadOut,       \* spark.deploy.spreadOut (fixed after Init)
    faults,          \* faults injected so far
    appEvents,       \* application-driven events so far
    \* --- history variables: they only record what happened, for the properties ---
    launchCount,     \* [<<app, id>> -> how many times a worker started that executor]
    abnormalExits,   \* [Apps -> real abnormal executor endings (exit != 0 or refused launch)]
    finishedApps,    \* apps some leader has finished
    staleCommandActedOn, \* a worker or driver acted on a command older than an epoch it had seen
    launchForFinished    \* a leader sent LaunchExecutor for a finished app

zkVars == <<zkLeader, zkEpoch, storeApp, storeWorker>>
masterVars == <<mState, mEpoch, mApps, mAppOrder, mWorkers, mWorkerOrder, mExecs>>
workerVars == <<wUp, wInc, wMaster, wEpoch, wExecs, wSeen, wReports>>
driverVars == <<dState, dMaster, dEpoch, dExecs>>
envVars == <<spreadOut, faults, appEvents>>
historyVars == <<launchCount, abnormalExits, finishedApps, staleCommandActedOn, launchForFinished>>
vars == <<zkVars, masterVars, workerVars, driverVars, msgs, envVars, historyVars>>

-----------------------------------------------------------------------------
(* Helpers *)

\* A fault of this kind may be injected now.
CanFault(kind) == kind \in FaultKinds /\ faults < MaxFaults
\* An application event of this kind may happen now.
CanAppEvent(kind) == kind \in AppEventKinds /\ appEvents < MaxAppEvents

RECURSIVE SumOf(_, _)
SumOf(S, field) == IF S = {} THEN 0
                   ELSE LET e == CHOOSE x \in S : TRUE IN e[field] + SumOf(S \ {e}, field)

Max(a, b) == IF a >= b THEN a ELSE b
Min(a, b) == IF a <= b THEN a ELSE b
Remove(seq, x) == SelectSeq(seq, LAMBDA y : y # x)
Append1(seq, x) == IF \E i \in 1..Len(seq) : seq[i] = x THEN seq ELSE Append(seq, x)

Cpe(a) == AppShape[a].cpe
MinCpe(a) == IF Cpe(a) = 0 THEN 1 ELSE Cpe(a)
Mem(a) == AppShape[a].mem
Cap(a) == IF AppShape[a].maxCores = 0 THEN DefaultCores ELSE AppShape[a].maxCores
InitialTarget(a) == IF AppShape[a].dynamic THEN 0 ELSE Unlimited

\* Messages to a process that is gone are refused at once (a closed
\* connection): they never enter the network.
ToMasterTypes == {"RegisterWorker", "WorkerLatestState", "WorkerSchedulerStateResponse", "MasterChangeAcknowledged",
                  "RegisterApplication", "UnregisterApplication", "RequestExecutors", "KillExecutors",
                  "ExecutorStateChanged"}
ToDriverTypes == {"RegisteredApplication", "ApplicationRemoved", "ExecutorAdded", "ExecutorUpdated", "RegisterExecutor"}
ForMaster(x) == x.type \in ToMasterTypes
ForDriver(x) == x.type \in ToDriverTypes \/ (x.type = "MasterChanged" /\ "app" \in DOMAIN x)
ForWorker(x) == ~ForMaster(x) /\ ~ForDriver(x)   \* the worker or one of its executor processes
Deliverable(x) ==
    IF ForMaster(x) THEN mState[x.dest] # "DOWN"
    ELSE IF ForDriver(x) THEN dState[x.app] # "DONE"
    ELSE wUp[x.worker] /\ wInc[x.worker] = x.inc
Live(S) == {x \in S : Deliverable(x)}
Send(m) == msgs' = msgs \cup Live({m})
SendAll(S) == msgs' = msgs \cup Live(S)
\* Deliver msg and send S in reply. Normally the delivery consumes msg; as a
\* fault the network keeps a copy, which may be delivered again later.
Deliver(msg, S) ==
    \/ msgs' = (msgs \ {msg}) \cup Live(S) /\ UNCHANGED faults
    \/ CanFault("duplicate") /\ faults' = faults + 1 /\ msgs' = msgs \cup Live(S)

Leading(m) == mState[m] \in LeaderStates
\* A client's connection to master m, which it follows in epoch e, is gone:
\* the master is down or standby, or it restarted and leads a new term.
MasterGone(m, e) == mState[m] \in {"DOWN", "STANDBY"} \/ mEpoch[m] # e
\* The compare-and-set every persisted write of a master performs: it only
\* succeeds while the master still holds leadership in its own epoch.
HoldsLease(m) == zkLeader = m /\ zkEpoch = mEpoch[m]

ActiveAppStates == {"UNKNOWN", "WAITING", "RUNNING"}
Report(a, id, state, normal, driverGone) ==
    [app |-> a, id |-> id, state |-> state, normal |-> normal, driverGone |-> driverGone]
ReportMessage(w, r) ==
    [type |-> "ExecutorStateChanged", dest |-> wMaster[w], worker |-> w, inc |-> wInc[w],
     app |-> r.app, id |-> r.id, state |-> r.state, normal |-> r.normal, driverGone |-> r.driverGone]
\* A worker sends a state report as soon as it has one (if it has a master).
Reported(w, r) == IF wMaster[w] # None THEN {ReportMessage(w, r)} ELSE {}
NoApp == [state |-> "NONE", nextExecId |-> 0, target |-> 0, retries |-> 0]
NoWorker == [state |-> "NONE", inc |-> 0]

-----------------------------------------------------------------------------
(* Allocation: Spark's startExecutorsOnWorkers / scheduleExecutorsOnWorkers. *)
(* The Java scheduler (impl: cluster.scheduler) implements exactly this.    *)

BookedOn(books, w) == {e \in books : e.worker = w}
FreeCores(books, w) == WorkerCores[w] - SumOf(BookedOn(books, w), "cores")
FreeMem(books, w) == WorkerMemory[w] - SumOf(BookedOn(books, w), "mem")
\* The cores of the largest worker (0 without workers): no worker has more free.
MaxWorkerCores == IF Workers = {} THEN 0
                  ELSE CHOOSE c \in {WorkerCores[w] : w \in Workers} : \A w \in Workers : WorkerCores[w] <= c
CoresGranted(books, a) == SumOf({e \in books : e.app = a}, "cores")

\* Workers usable for app a, sorted by free cores descending, ties in
\* registration order (a stable sort over the bounded range of core counts).
SortedUsable(m, books, a) ==
    LET usable == SelectSeq(mWorkerOrder[m],
                    LAMBDA w : mWorkers[m][w].state = "ALIVE"
                               /\ FreeMem(books, w) >= Mem(a)        \* memory for one executor
                               /\ FreeCores(books, w) >= MinCpe(a))
        RECURSIVE ByCores(_)
        ByCores(c) == IF c = 0 THEN << >>
                      ELSE SelectSeq(usable, LAMBDA w : FreeCores(books, w) = c) \o ByCores(c - 1)
    IN ByCores(MaxWorkerCores)

\* One step of the loop: canLaunch(i) then assign minCpe more cores on worker i.
CanLaunch(st, i, ctx) ==
    /\ st.toAssign >= ctx.minCpe
    /\ ctx.freeCores[i] - st.cores[i] >= ctx.minCpe
    /\ (ctx.onePerWorker /\ st.execs[i] > 0)
       \/ (/\ ctx.freeMem[i] - st.execs[i] * ctx.mem >= ctx.mem
           /\ ctx.existing + st.totalExecs < ctx.limit)
Step(st, i, ctx) ==
    LET isNew == ~ctx.onePerWorker \/ st.execs[i] = 0 IN
    [st EXCEPT !.toAssign = @ - ctx.minCpe,
               !.cores[i] = @ + ctx.minCpe,
               !.execs[i] = IF ctx.onePerWorker THEN 1 ELSE @ + 1,
               !.totalExecs = IF isNew THEN @ + 1 ELSE @]
RECURSIVE Fill(_, _, _)
Fill(st, i, ctx) == IF CanLaunch(st, i, ctx) THEN Fill(Step(st, i, ctx), i, ctx) ELSE st
RECURSIVE Round(_, _, _)
Round(st, i, ctx) ==
    IF i > ctx.n THEN st
    ELSE LET next == IF ctx.spreadOut
                     THEN IF CanLaunch(st, i, ctx) THEN Step(st, i, ctx) ELSE st
                     ELSE Fill(st, i, ctx)
         IN Round(next, i + 1, ctx)
RECURSIVE Rounds(_, _)
Rounds(st, ctx) == IF \E i \in 1..ctx.n : CanLaunch(st, i, ctx)
                   THEN Rounds(Round(st, 1, ctx), ctx) ELSE st

\* Cores assigned per worker for app a, given the books so far in this pass.
\* Returns [order |-> sorted usable workers, cores |-> cores per position].
AssignCores(m, books, a) ==
    LET order == SortedUsable(m, books, a)
        n == Len(order)
        coresLeft == Cap(a) - CoresGranted(books, a)
        ctx == [n |-> n, spreadOut |-> spreadOut, minCpe |-> MinCpe(a),
                onePerWorker |-> Cpe(a) = 0, mem |-> Mem(a),
                limit |-> mApps[m][a].target,
                existing |-> Cardinality({e \in books : e.app = a}),
                freeCores |-> [i \in 1..n |-> FreeCores(books, order[i])],
                freeMem |-> [i \in 1..n |-> FreeMem(books, order[i])]]
        toAssign == Min(coresLeft, SumOf({[w |-> order[i], c |-> ctx.freeCores[i]] : i \in 1..n}, "c"))
        start == [toAssign |-> toAssign, totalExecs |-> 0,
                  cores |-> [i \in 1..n |-> 0], execs |-> [i \in 1..n |-> 0]]
    IN IF coresLeft < MinCpe(a) THEN [order |-> << >>, cores |-> << >>]
       ELSE [order |-> order, cores |-> Rounds(start, ctx).cores]

\* The executors (as a sequence of [worker, cores]) the cores per worker turn into:
\* cpe set: cores/cpe executors of cpe cores; cpe unset: one executor.
RECURSIVE ExecutorsFrom(_, _, _)
ExecutorsFrom(assign, i, a) ==
    IF i > Len(assign.order) THEN << >>
    ELSE LET c == assign.cores[i]
             w == assign.order[i]
             k == IF c = 0 THEN 0 ELSE IF Cpe(a) = 0 THEN 1 ELSE c \div Cpe(a)
             size == IF Cpe(a) = 0 THEN c ELSE Cpe(a)
         IN [j \in 1..k |-> [worker |-> w, cores |-> size]] \o ExecutorsFrom(assign, i + 1, a)

\* One scheduling pass over the apps in FIFO order: the set of new booked
\* executors, with ids taken from each app's counter.
SchedulePass(m) ==
    LET order == mAppOrder[m]
        RECURSIVE Go(_, _)
        Go(i, books) ==
            IF i > Len(order) THEN books
            ELSE LET a == order[i]
                     planned == IF mApps[m][a].state \in {"WAITING", "RUNNING"}
                                THEN ExecutorsFrom(AssignCores(m, books, a), 1, a) ELSE << >>
                     new == {[app |-> a, id |-> mApps[m][a].nextExecId + j - 1,
                              worker |-> planned[j].worker, cores |-> planned[j].cores,
                              mem |-> Mem(a), state |-> "LAUNCHING"] : j \in 1..Len(planned)}
                 IN Go(i + 1, books \cup new)
    IN Go(1, mExecs[m]) \ mExecs[m]

-----------------------------------------------------------------------------
(* Messages *)

ToWorker(type, m, w, inc) == [type |-> type, worker |-> w, inc |-> inc, epoch |-> mEpoch[m], master |-> m]
KillMsg(m, e, inc) == [type |-> "KillExecutor", worker |-> e.worker, inc |-> inc, epoch |-> mEpoch[m],
                      app |-> e.app, id |-> e.id]
ToDriver(type, m, a) == [type |-> type, app |-> a, epoch |-> mEpoch[m], master |-> m]
UpdatedMsg(m, a, id, state) ==
    [type |-> "ExecutorUpdated", app |-> a, epoch |-> mEpoch[m], id |-> id, state |-> state]

-----------------------------------------------------------------------------
(* Initial state *)

Init ==
    /\ zkLeader = None
    /\ zkEpoch = 0
    /\ storeApp = [a \in Apps |-> [state |-> "NONE", nextExecId |-> 0, target |-> InitialTarget(a)]]
    /\ storeWorker = [w \in Workers |-> 0]
    /\ mState = [m \in Masters |-> "STANDBY"]
    /\ mEpoch = [m \in Masters |-> 0]
    /\ mApps = [m \in Masters |-> [a \in Apps |-> NoApp]]
    /\ mAppOrder = [m \in Masters |-> << >>]
    /\ mWorkers = [m \in Masters |-> [w \in Workers |-> NoWorker]]
    /\ mWorkerOrder = [m \in Masters |-> << >>]
    /\ mExecs = [m \in Masters |-> {}]
    /\ wUp = [w \in Workers |-> TRUE]
    /\ wInc = [w \in Workers |-> 1]
    /\ wMaster = [w \in Workers |-> None]
    /\ wEpoch = [w \in Workers |-> 0]
    /\ wExecs = [w \in Workers |-> {}]
    /\ wSeen = [w \in Workers |-> {}]
    /\ wReports = [w \in Workers |-> {}]
    /\ dState = [a \in Apps |-> "REGISTERING"]
    /\ dMaster = [a \in Apps |-> None]
    /\ dEpoch = [a \in Apps |-> 0]
    /\ dExecs = [a \in Apps |-> {}]
    \* every worker and driver starts by registering with every master
    /\ msgs = {[type |-> "RegisterWorker", dest |-> m, worker |-> w, inc |-> 1] : m \in Masters, w \in Workers}
              \cup {[type |-> "RegisterApplication", dest |-> m, app |-> a] : m \in Masters, a \in Apps}
    /\ spreadOut \in SpreadOutValues
    /\ faults = 0
    /\ appEvents = 0
    /\ launchCount = << >>
    /\ abnormalExits = [a \in Apps |-> 0]
    /\ finishedApps = {}
    /\ staleCommandActedOn = FALSE
    /\ launchForFinished = FALSE

-----------------------------------------------------------------------------
(* Coordination service and master lifecycle *)

\* The service grants leadership to a standby master with a new, larger epoch;
\* the master reads the persisted records and starts recovery.
MasterElectedLeader(m) ==
    /\ mState[m] = "STANDBY"
    /\ zkLeader = None
    /\ zkEpoch < MaxEpoch
    /\ LET epoch == zkEpoch + 1
           apps == {a \in Apps : storeApp[a].state = "ACTIVE"}
           workers == {w \in Workers : storeWorker[w] # 0}
       IN /\ zkLeader' = m
          /\ zkEpoch' = epoch
          /\ mEpoch' = [mEpoch EXCEPT ![m] = epoch]
          /\ mState' = [mState EXCEPT ![m] = IF apps = {} /\ workers = {} THEN "ALIVE" ELSE "RECOVERING"]
          /\ mApps' = [mApps EXCEPT ![m] = [a \in Apps |->
                          IF a \in apps
                          THEN [state |-> "UNKNOWN", nextExecId |-> storeApp[a].nextExecId,
                                target |-> storeApp[a].target, retries |-> 0]
                          ELSE NoApp]]
          /\ mAppOrder' = [mAppOrder EXCEPT ![m] = << >>]
          /\ mWorkers' = [mWorkers EXCEPT ![m] = [w \in Workers |->
                             IF w \in workers THEN [state |-> "UNKNOWN", inc |-> storeWorker[w]]
                             ELSE NoWorker]]
          /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = << >>]
          /\ mExecs' = [mExecs EXCEPT ![m] = {}]
          /\ SendAll({[type |-> "MasterChanged", worker |-> w, inc |-> storeWorker[w],
                       epoch |-> epoch, master |-> m] : w \in workers}
                     \cup {[type |-> "MasterChanged", app |-> a, epoch |-> epoch, master |-> m] : a \in apps})
    /\ UNCHANGED <<storeApp, storeWorker, workerVars, driverVars, envVars, historyVars>>

ClearMaster(m, state) ==
    /\ mState' = [mState EXCEPT ![m] = state]
    /\ mEpoch' = [mEpoch EXCEPT ![m] = 0]
    /\ mApps' = [mApps EXCEPT ![m] = [a \in Apps |-> NoApp]]
    /\ mAppOrder' = [mAppOrder EXCEPT ![m] = << >>]
    /\ mWorkers' = [mWorkers EXCEPT ![m] = [w \in Workers |-> NoWorker]]
    /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = << >>]
    /\ mExecs' = [mExecs EXCEPT ![m] = {}]

\* The master learns it no longer holds leadership (session lost, or a newer
\* term exists): it steps down to STANDBY and keeps its process.
MasterRevokedLeadership(m) ==
    /\ Leading(m)
    /\ ~HoldsLease(m)
    /\ ClearMaster(m, "STANDBY")
    /\ UNCHANGED <<zkVars, workerVars, driverVars, msgs, envVars, historyVars>>

\* The leader's session ends. Free when the process that held it crashed
\* (the session must expire for anyone to take over, whether or not the
\* master has restarted since); a fault when the leader is alive (a
\* partition from the service, or a long pause).
ZkSessionEnds(m) ==
    /\ zkLeader = m
    /\ zkLeader' = None
    /\ UNCHANGED <<zkEpoch, storeApp, storeWorker, masterVars, workerVars, driverVars, msgs,
                   spreadOut, appEvents, historyVars>>
ZkSessionExpiredOfDownLeader(m) ==
    /\ ~Leading(m)                       \* a crashed leader's session times out (restarted or not)
    /\ ZkSessionEnds(m)
    /\ UNCHANGED faults
ZkSessionExpiredOfLiveLeader(m) ==
    /\ Leading(m)
    /\ CanFault("sessionLoss") /\ faults' = faults + 1
    /\ ZkSessionEnds(m)
ZkSessionExpired(m) == ZkSessionExpiredOfDownLeader(m) \/ ZkSessionExpiredOfLiveLeader(m)

MasterCrash(m) ==
    /\ mState[m] # "DOWN"
    /\ CanFault("masterCrash")
    /\ faults' = faults + 1
    /\ ClearMaster(m, "DOWN")
    /\ msgs' = {x \in msgs : ~(ForMaster(x) /\ x.dest = m)}
    /\ UNCHANGED <<zkVars, workerVars, driverVars, spreadOut, appEvents, historyVars>>

MasterRestart(m) ==
    /\ mState[m] = "DOWN"
    /\ mState' = [mState EXCEPT ![m] = "STANDBY"]
    /\ UNCHANGED <<zkVars, mEpoch, mApps, mAppOrder, mWorkers, mWorkerOrder, mExecs,
                   workerVars, driverVars, msgs, envVars, historyVars>>

\* Recovery ends when every recovered worker and app has answered, or on the
\* recovery timeout (which may fire at any time while RECOVERING). Workers that
\* did not answer are removed; apps that did not answer are finished.
MasterCompleteRecovery(m) ==
    /\ mState[m] = "RECOVERING"          \* all answered, or the recovery timeout fired
    /\ HoldsLease(m)
    /\ LET lostWorkers == {w \in Workers : mWorkers[m][w].state = "UNKNOWN"}
           lostApps == {a \in Apps : mApps[m][a].state = "UNKNOWN"}
           killed == {e \in mExecs[m] : e.app \in lostApps /\ e.state # "KILLING"}
       IN /\ mState' = [mState EXCEPT ![m] = "ALIVE"]
          /\ mWorkers' = [mWorkers EXCEPT ![m] = [w \in Workers |->
                             IF w \in lostWorkers THEN [state |-> "NONE", inc |-> mWorkers[m][w].inc]
                             ELSE mWorkers[m][w]]]
          /\ mApps' = [mApps EXCEPT ![m] = [a \in Apps |->
                          IF a \in lostApps THEN [mApps[m][a] EXCEPT !.state = "FINISHED"]
                          ELSE mApps[m][a]]]
          /\ mExecs' = [mExecs EXCEPT ![m] = {IF e \in killed THEN [e EXCEPT !.state = "KILLING"] ELSE e
                                              : e \in mExecs[m]}]
          /\ storeWorker' = [w \in Workers |-> IF w \in lostWorkers THEN 0 ELSE storeWorker[w]]
          /\ storeApp' = [a \in Apps |-> IF a \in lostApps
                                         THEN [storeApp[a] EXCEPT !.state = "FINISHED"]
                                         ELSE storeApp[a]]
          /\ finishedApps' = finishedApps \cup lostApps
          /\ SendAll({ToDriver("ApplicationRemoved", m, a) : a \in lostApps}
                     \cup {KillMsg(m, e, mWorkers[m][e.worker].inc) : e \in killed})
    /\ UNCHANGED <<zkLeader, zkEpoch, mEpoch, mAppOrder, mWorkerOrder, workerVars, driverVars,
                   envVars, launchCount, abnormalExits, staleCommandActedOn, launchForFinished>>

-----------------------------------------------------------------------------
(* Scheduling *)

\* One scheduling pass (Spark's schedule()): the executors it allocates are
\* booked, their ids taken from the persisted per-app counters (written with
\* the lease, before any LaunchExecutor leaves), and LaunchExecutor is sent.
MasterSchedule(m) ==
    /\ mState[m] = "ALIVE"
    /\ HoldsLease(m)
    /\ LET new == SchedulePass(m)
           apps == {e.app : e \in new}
           count(a) == Cardinality({e \in new : e.app = a})
       IN /\ new # {}
          /\ mExecs' = [mExecs EXCEPT ![m] = @ \cup new]
          /\ mApps' = [mApps EXCEPT ![m] = [a \in Apps |->
                          IF a \in apps
                          THEN [mApps[m][a] EXCEPT !.nextExecId = @ + count(a), !.state = "RUNNING"]
                          ELSE mApps[m][a]]]
          /\ storeApp' = [a \in Apps |-> IF a \in apps
                                         THEN [storeApp[a] EXCEPT !.nextExecId = mApps[m][a].nextExecId + count(a)]
                                         ELSE storeApp[a]]
          /\ launchForFinished' = (launchForFinished \/ (apps \cap finishedApps # {}))
          /\ SendAll({[type |-> "LaunchExecutor", worker |-> e.worker, inc |-> mWorkers[m][e.worker].inc,
                       epoch |-> mEpoch[m], app |-> e.app, id |-> e.id, cores |-> e.cores, mem |-> e.mem]
                      : e \in new}
                     \cup {[type |-> "ExecutorAdded", app |-> e.app, epoch |-> mEpoch[m], id |-> e.id,
                            worker |-> e.worker] : e \in new})
    /\ UNCHANGED <<zkLeader, zkEpoch, storeWorker, mState, mEpoch, mAppOrder, mWorkers, mWorkerOrder,
                   workerVars, driverVars, envVars, launchCount, abnormalExits, finishedApps,
                   staleCommandActedOn>>

-----------------------------------------------------------------------------
(* Worker registration, heartbeats and loss *)

\* Receive handlers leave the fault budget to Deliver.
Quiet == <<spreadOut, appEvents>>

WorkerExecList(w) == {[app |-> p.app, id |-> p.id, cores |-> p.cores, mem |-> p.mem] : p \in wExecs[w]}

\* Replies a worker waits for after RegisterWorker, that it would accept.
AcceptableByWorker(w, msg) ==
    /\ msg.type \in {"RegisteredWorker", "ReconnectWorker", "MasterChanged"}
    /\ "worker" \in DOMAIN msg /\ msg.worker = w /\ msg.inc = wInc[w] /\ msg.epoch >= wEpoch[w]

\* A worker with no master (just started, told to reconnect, or its master went
\* away) registers with every master (again, when no answer is in flight; a
\* request still in flight is the same message, so sending it again changes
\* nothing). Giving up on a master keeps the worker's fencing floor: the
\* worker cannot tell a dead master from a live one it cannot reach, and a
\* master that still leads must be able to take it back (were the floor
\* raised past its term, the worker would refuse every answer of the leader
\* until the next election). Terms that did end are fenced by the next
\* leader's epoch, which raises the floor when it arrives.
WorkerRegisterAgain(w) ==
    /\ ~\E msg \in msgs : AcceptableByWorker(w, msg)
    /\ wMaster' = [wMaster EXCEPT ![w] = None]
    /\ SendAll({[type |-> "RegisterWorker", dest |-> m, worker |-> w, inc |-> wInc[w]] : m \in Masters})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wEpoch, wExecs, wSeen, wReports, driverVars, historyVars>>

WorkerSendRegisterWorker(w) ==
    /\ wUp[w]
    /\ \/ wMaster[w] = None
       \/ wMaster[w] # None /\ MasterGone(wMaster[w], wEpoch[w])   \* its connection broke
    /\ WorkerRegisterAgain(w)
    /\ UNCHANGED envVars

\* The same step when the worker's master has not gone: a fault. The
\* implementation gives up on a master whose connection stays broken past a
\* grace period (a partition, a pause), which cannot tell a dead master from a
\* live one (the spec's MasterGone).
WorkerSuspectsLiveMaster(w) ==
    /\ wUp[w] /\ wMaster[w] # None /\ ~MasterGone(wMaster[w], wEpoch[w])
    /\ CanFault("clientSuspicion") /\ faults' = faults + 1
    /\ WorkerRegisterAgain(w)
    /\ UNCHANGED <<spreadOut, appEvents>>

\* Reconciling a worker's fresh list of executors with the books: while
\* RECOVERING (before anything is scheduled) the leader adopts executors of
\* apps it knows; every other executor that its books lack is killed (Spark
\* forgets them).
Reconcile(m, books, w, inc, reported, adopt) ==
    LET known(r) == \E e \in books : e.app = r.app /\ e.id = r.id
        adoptable(r) == adopt /\ mApps[m][r.app].state \in ActiveAppStates
                              /\ r.id < mApps[m][r.app].nextExecId
    IN [adopted |-> {[app |-> r.app, id |-> r.id, worker |-> w, cores |-> r.cores, mem |-> r.mem,
                      state |-> "RUNNING"] : r \in {x \in reported : ~known(x) /\ adoptable(x)}},
        kills |-> {[type |-> "KillExecutor", worker |-> w, inc |-> inc, epoch |-> mEpoch[m],
                    app |-> r.app, id |-> r.id] : r \in {x \in reported : ~known(x) /\ ~adoptable(x)}}]

\* A standby leaves registrations in flight (it answers MasterInStandby, which
\* the worker ignores); they are handled if it becomes leader. A registered
\* worker stays UNKNOWN (nothing is scheduled on it, and recovery counts it as
\* not answered) until its executor list arrives: the books never miss what
\* already runs there. While RECOVERING a leader registers only workers it
\* recovered (the incarnation it read, or a newer one, which runs nothing): a
\* worker without a persisted record may be one an earlier leader removed
\* (a false suspicion whose ReconnectWorker was lost), still running
\* executors that leader had replaced elsewhere; adopting them would grant
\* their app more than its cap. Its registration waits until recovery ends.
MasterHandleRegisterWorker(m, msg) ==
    /\ msg.type = "RegisterWorker" /\ msg.dest = m
    /\ Leading(m)
    /\ LET w == msg.worker
           entry == mWorkers[m][w]
       IN \/ \* a duplicate: acknowledge again, change nothing
             /\ entry.state = "ALIVE" /\ entry.inc = msg.inc
             /\ Deliver(msg, {ToWorker("RegisteredWorker", m, w, msg.inc)})
             /\ UNCHANGED <<zkVars, masterVars>>
          \/ \* an incarnation this master timed out must start over with a new one
             /\ (entry.state = "NONE" /\ entry.inc = msg.inc) \/ msg.inc < entry.inc
             /\ Deliver(msg, {ToWorker("ReconnectWorker", m, w, msg.inc)})
             /\ UNCHANGED <<zkVars, masterVars>>
          \/ /\ msg.inc > entry.inc \/ (msg.inc = entry.inc /\ entry.state = "UNKNOWN")
             /\ mState[m] = "ALIVE" \/ entry.state # "NONE"    \* not recovered: after recovery
             /\ HoldsLease(m)
             /\ LET lost == IF entry.inc = msg.inc THEN {} ELSE BookedOn(mExecs[m], w) IN
                \* registered, but not usable until its executor list arrives
                /\ mWorkers' = [mWorkers EXCEPT ![m][w] = [state |-> "UNKNOWN", inc |-> msg.inc]]
                /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = Remove(@, w)]
                /\ mExecs' = [mExecs EXCEPT ![m] = @ \ lost]
                /\ storeWorker' = [storeWorker EXCEPT ![w] = msg.inc]
                /\ Deliver(msg, {ToWorker("RegisteredWorker", m, w, msg.inc)}
                                \cup {UpdatedMsg(m, e.app, e.id, "LOST") : e \in lost})
                /\ UNCHANGED <<zkLeader, zkEpoch, storeApp, mState, mEpoch, mApps, mAppOrder>>
    /\ UNCHANGED <<workerVars, driverVars, Quiet, historyVars>>

WorkerHandleRegisteredWorker(w, msg) ==
    /\ msg.type = "RegisteredWorker" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ msg.epoch >= wEpoch[w]                        \* fencing: RegisteredWorker
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < wEpoch[w])
    /\ wMaster' = [wMaster EXCEPT ![w] = msg.master]
    /\ wEpoch' = [wEpoch EXCEPT ![w] = msg.epoch]
    \* registered: tell the master which executors run here (Spark's WorkerLatestState)
    /\ Deliver(msg, {[type |-> "WorkerLatestState", dest |-> msg.master, worker |-> w, inc |-> wInc[w],
                      epoch |-> msg.epoch, execs |-> WorkerExecList(w)]})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wExecs, wSeen, wReports, driverVars, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

\* The executor list of a registered worker: it becomes ALIVE (like an answer
\* to MasterChanged). A list of a worker already ALIVE is a late or repeated
\* answer: everything running there since the first list was launched by this
\* leader, so it tells nothing new and is only consumed (reconciling it again
\* could act on a stale list). Once recovery is over, a worker registers with
\* nothing booked on it, so any executor its first list names is a zombie of a
\* registration some leader removed (its ReconnectWorker lost): the leader
\* removes this registration too and tells it ReconnectWorker (its heartbeat
\* repeats that until it lands), which stops them all. A KillExecutor, sent
\* once, could be lost, and the persisted record would then let a later
\* leader adopt the zombies while their replacements run.
MasterHandleWorkerLatestState(m, msg) ==
    /\ msg.type = "WorkerLatestState" /\ msg.dest = m
    /\ Leading(m) /\ msg.epoch = mEpoch[m]
    /\ LET w == msg.worker
           rec == Reconcile(m, mExecs[m], w, msg.inc, msg.execs, mState[m] = "RECOVERING")
       IN
       /\ mWorkers[m][w].state \in {"UNKNOWN", "ALIVE"} /\ mWorkers[m][w].inc = msg.inc
       /\ IF mWorkers[m][w].state = "UNKNOWN" /\ mState[m] = "ALIVE" /\ rec.kills # {}
          THEN /\ HoldsLease(m)
               /\ mWorkers' = [mWorkers EXCEPT ![m][w].state = "NONE"]
               /\ storeWorker' = [storeWorker EXCEPT ![w] = 0]
               /\ Deliver(msg, {ToWorker("ReconnectWorker", m, w, msg.inc)})
               /\ UNCHANGED <<mWorkerOrder, mExecs>>
          ELSE /\ UNCHANGED storeWorker
               /\ IF mWorkers[m][w].state = "UNKNOWN"
                  THEN /\ mWorkers' = [mWorkers EXCEPT ![m][w].state = "ALIVE"]
                       /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = Append(Remove(@, w), w)]
                       /\ mExecs' = [mExecs EXCEPT ![m] = @ \cup rec.adopted]
                       /\ Deliver(msg, rec.kills)
                  ELSE /\ Deliver(msg, {})
                       /\ UNCHANGED <<mWorkers, mWorkerOrder, mExecs>>
    /\ UNCHANGED <<zkLeader, zkEpoch, storeApp, mState, mEpoch, mApps, mAppOrder, workerVars, driverVars, Quiet,
                   historyVars>>

\* The executor list of worker w is on its way to leader m, or asked for:
\* RegisteredWorker and MasterChanged ask for it (their epoch names the leader),
\* WorkerLatestState and WorkerSchedulerStateResponse carry it.
ListInFlight(m, w) ==
    \E x \in msgs : /\ x.type \in {"RegisteredWorker", "MasterChanged", "WorkerLatestState",
                                   "WorkerSchedulerStateResponse"}
                   /\ "worker" \in DOMAIN x /\ x.worker = w /\ x.inc = wInc[w] /\ x.epoch = mEpoch[m]

\* Heartbeats are abstracted: a worker that follows a master which does not
\* have its incarnation ALIVE hears ReconnectWorker from it (Spark answers a
\* heartbeat of an unknown worker the same way), and one whose executor list
\* the master still lacks (lost on the way, in either direction) hears
\* RegisteredWorker again, which it answers with a fresh WorkerLatestState.
MasterHandleHeartbeat(m, w) ==
    /\ Leading(m)
    /\ wUp[w] /\ wMaster[w] = m
    /\ LET entry == mWorkers[m][w]
           known == entry.state \in {"ALIVE", "UNKNOWN"} /\ entry.inc = wInc[w]
           reconnect == ToWorker("ReconnectWorker", m, w, wInc[w])
       IN \/ /\ ~known
             /\ reconnect \notin msgs
             /\ Send(reconnect)
          \/ /\ known /\ entry.state = "UNKNOWN"
             /\ ~ListInFlight(m, w)
             /\ Send(ToWorker("RegisteredWorker", m, w, wInc[w]))
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>

\* The master declared this registration dead: the worker stops its executors
\* (the master already reported them LOST) and registers again as a new incarnation.
WorkerHandleReconnectWorker(w, msg) ==
    /\ msg.type = "ReconnectWorker" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ msg.epoch >= wEpoch[w]                        \* fencing: ReconnectWorker
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < wEpoch[w])
    /\ wInc' = [wInc EXCEPT ![w] = @ + 1]
    /\ wEpoch' = [wEpoch EXCEPT ![w] = msg.epoch]
    /\ wMaster' = [wMaster EXCEPT ![w] = None]
    /\ wExecs' = [wExecs EXCEPT ![w] = {}]
    /\ wSeen' = [wSeen EXCEPT ![w] = {}]
    /\ wReports' = [wReports EXCEPT ![w] = {}]
    /\ msgs' = {x \in msgs : ~(ForWorker(x) /\ x.worker = w)}   \* addressed to the old incarnation
    /\ UNCHANGED <<zkVars, masterVars, wUp, driverVars, envVars,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

RemoveWorker(m, w) ==
    LET entry == mWorkers[m][w]
        lost == BookedOn(mExecs[m], w)
    IN /\ mWorkers' = [mWorkers EXCEPT ![m][w] = [state |-> "NONE", inc |-> entry.inc]]
       /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = Remove(@, w)]
       /\ mExecs' = [mExecs EXCEPT ![m] = @ \ lost]
       /\ storeWorker' = [storeWorker EXCEPT ![w] = 0]
       /\ SendAll({ToWorker("ReconnectWorker", m, w, entry.inc)}
                  \cup {UpdatedMsg(m, e.app, e.id, "LOST") : e \in lost})
       /\ UNCHANGED <<zkLeader, zkEpoch, storeApp, mState, mEpoch, mApps, mAppOrder,
                      workerVars, driverVars, historyVars>>

\* The heartbeat timeout fires for a worker (ALIVE, or registered and still
\* UNKNOWN: recovery has ended, so its executor list is all it lacks). When
\* that registration is really dead this is ordinary protocol; on a live
\* worker it is a false suspicion (a fault).
Registered(m, w) == mWorkers[m][w].state \in {"ALIVE", "UNKNOWN"}
WorkerIsDead(m, w) == ~(wUp[w] /\ wInc[w] = mWorkers[m][w].inc)
MasterWorkerTimeoutOfDeadWorker(m, w) ==
    /\ mState[m] = "ALIVE" /\ HoldsLease(m)
    /\ Registered(m, w)
    /\ WorkerIsDead(m, w)
    /\ RemoveWorker(m, w)
    /\ UNCHANGED envVars
MasterWorkerTimeoutOfLiveWorker(m, w) ==
    /\ mState[m] = "ALIVE" /\ HoldsLease(m)
    /\ Registered(m, w)
    /\ ~WorkerIsDead(m, w)
    /\ CanFault("falseSuspicion") /\ faults' = faults + 1
    /\ RemoveWorker(m, w)
    /\ UNCHANGED <<spreadOut, appEvents>>
MasterWorkerTimeout(m, w) == MasterWorkerTimeoutOfDeadWorker(m, w) \/ MasterWorkerTimeoutOfLiveWorker(m, w)

WorkerCrash(w) ==
    /\ wUp[w]
    /\ CanFault("workerCrash") /\ faults' = faults + 1
    /\ wUp' = [wUp EXCEPT ![w] = FALSE]
    /\ wMaster' = [wMaster EXCEPT ![w] = None]
    /\ wEpoch' = [wEpoch EXCEPT ![w] = 0]
    /\ wExecs' = [wExecs EXCEPT ![w] = {}]     \* executors die with their worker
    /\ wSeen' = [wSeen EXCEPT ![w] = {}]
    /\ wReports' = [wReports EXCEPT ![w] = {}]
    /\ msgs' = {x \in msgs : ~(ForWorker(x) /\ x.worker = w)}
    /\ UNCHANGED <<zkVars, masterVars, wInc, driverVars, spreadOut, appEvents, historyVars>>

WorkerRestart(w) ==
    /\ ~wUp[w]
    /\ wUp' = [wUp EXCEPT ![w] = TRUE]
    /\ wInc' = [wInc EXCEPT ![w] = @ + 1]
    /\ UNCHANGED <<zkVars, masterVars, wMaster, wEpoch, wExecs, wSeen, wReports,
                   driverVars, msgs, envVars, historyVars>>

-----------------------------------------------------------------------------
(* Recovery: MasterChanged and the answers to it *)

WorkerHandleMasterChanged(w, msg) ==
    /\ msg.type = "MasterChanged" /\ "worker" \in DOMAIN msg /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ msg.epoch >= wEpoch[w]                        \* fencing: MasterChanged (worker)
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < wEpoch[w])
    /\ wMaster' = [wMaster EXCEPT ![w] = msg.master]
    /\ wEpoch' = [wEpoch EXCEPT ![w] = msg.epoch]
    /\ Deliver(msg, {[type |-> "WorkerSchedulerStateResponse", dest |-> msg.master, worker |-> w,
                      inc |-> wInc[w], epoch |-> msg.epoch, execs |-> WorkerExecList(w)]})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wExecs, wSeen, wReports, driverVars, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

MasterHandleWorkerSchedulerStateResponse(m, msg) ==
    /\ msg.type = "WorkerSchedulerStateResponse" /\ msg.dest = m
    /\ Leading(m) /\ msg.epoch = mEpoch[m]
    /\ LET w == msg.worker IN
       /\ mWorkers[m][w].state = "UNKNOWN" /\ mWorkers[m][w].inc = msg.inc
       /\ LET rec == Reconcile(m, mExecs[m], w, msg.inc, msg.execs, mState[m] = "RECOVERING") IN
          /\ mWorkers' = [mWorkers EXCEPT ![m][w].state = "ALIVE"]
          /\ mWorkerOrder' = [mWorkerOrder EXCEPT ![m] = Append(Remove(@, w), w)]
          /\ mExecs' = [mExecs EXCEPT ![m] = @ \cup rec.adopted]
          /\ Deliver(msg, rec.kills)
    /\ UNCHANGED <<zkVars, mState, mEpoch, mApps, mAppOrder, workerVars, driverVars, Quiet, historyVars>>

DriverHandleMasterChanged(a, msg) ==
    /\ msg.type = "MasterChanged" /\ "app" \in DOMAIN msg /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ msg.epoch >= dEpoch[a]                        \* fencing: MasterChanged (driver)
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < dEpoch[a])
    /\ dState' = [dState EXCEPT ![a] = "REGISTERED"]
    /\ dMaster' = [dMaster EXCEPT ![a] = msg.master]
    /\ dEpoch' = [dEpoch EXCEPT ![a] = msg.epoch]
    /\ Deliver(msg, {[type |-> "MasterChangeAcknowledged", dest |-> msg.master, app |-> a, epoch |-> msg.epoch]})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dExecs, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

MasterHandleMasterChangeAcknowledged(m, msg) ==
    /\ msg.type = "MasterChangeAcknowledged" /\ msg.dest = m
    /\ Leading(m) /\ msg.epoch = mEpoch[m]
    /\ mApps[m][msg.app].state = "UNKNOWN"
    /\ mApps' = [mApps EXCEPT ![m][msg.app].state = "WAITING"]
    /\ mAppOrder' = [mAppOrder EXCEPT ![m] = Append(@, msg.app)]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, mState, mEpoch, mWorkers, mWorkerOrder, mExecs, workerVars, driverVars,
                   Quiet, historyVars>>

-----------------------------------------------------------------------------
(* Applications *)

\* Replies a driver waits for after RegisterApplication, that it would accept.
AcceptableByDriver(a, msg) ==
    /\ msg.type \in {"RegisteredApplication", "ApplicationRemoved", "MasterChanged"}
    /\ "app" \in DOMAIN msg /\ msg.app = a /\ msg.epoch >= dEpoch[a]

\* The app client registers with every master at once; it does so again when
\* its master goes away, keeping its fencing floor (as a worker does).
DriverRegisterAgain(a) ==
    /\ ~\E msg \in msgs : AcceptableByDriver(a, msg)
    /\ dState' = [dState EXCEPT ![a] = "REGISTERING"]
    /\ dMaster' = [dMaster EXCEPT ![a] = None]
    /\ SendAll({[type |-> "RegisterApplication", dest |-> m, app |-> a] : m \in Masters})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dEpoch, dExecs, historyVars>>

DriverSendRegisterApplication(a) ==
    /\ \/ dState[a] = "REGISTERING"
       \/ dState[a] = "REGISTERED" /\ dMaster[a] # None /\ MasterGone(dMaster[a], dEpoch[a])
    /\ DriverRegisterAgain(a)
    /\ UNCHANGED envVars

\* The same step when the driver's master has not gone: a fault (as for workers).
DriverSuspectsLiveMaster(a) ==
    /\ dState[a] = "REGISTERED" /\ dMaster[a] # None /\ ~MasterGone(dMaster[a], dEpoch[a])
    /\ CanFault("clientSuspicion") /\ faults' = faults + 1
    /\ DriverRegisterAgain(a)
    /\ UNCHANGED <<spreadOut, appEvents>>

MasterHandleRegisterApplication(m, msg) ==
    /\ msg.type = "RegisterApplication" /\ msg.dest = m
    /\ Leading(m)   \* a standby leaves it in flight (it answers that it is standby)
    /\ LET a == msg.app
           app == mApps[m][a]
           tombstone == app.state = "FINISHED" \/ storeApp[a].state = "FINISHED"
       IN \/ \* already registered here: answer again with the same id
             /\ app.state \in {"WAITING", "RUNNING"}
             /\ Deliver(msg, {ToDriver("RegisteredApplication", m, a)})
             /\ UNCHANGED <<zkVars, masterVars>>
          \/ \* a recovered app re-registering: match it to the existing app
             /\ app.state = "UNKNOWN"
             /\ mApps' = [mApps EXCEPT ![m][a].state = "WAITING"]
             /\ mAppOrder' = [mAppOrder EXCEPT ![m] = Append(@, a)]
             /\ Deliver(msg, {ToDriver("RegisteredApplication", m, a)})
             /\ UNCHANGED <<zkVars, mState, mEpoch, mWorkers, mWorkerOrder, mExecs>>
          \/ \* a finished app never comes back
             /\ tombstone
             /\ Deliver(msg, {ToDriver("ApplicationRemoved", m, a)})
             /\ UNCHANGED <<zkVars, masterVars>>
          \/ /\ app.state = "NONE" /\ ~tombstone
             /\ HoldsLease(m)
             /\ mApps' = [mApps EXCEPT ![m][a] = [state |-> "WAITING", nextExecId |-> storeApp[a].nextExecId,
                                                  target |-> storeApp[a].target, retries |-> 0]]
             /\ mAppOrder' = [mAppOrder EXCEPT ![m] = Append(@, a)]
             /\ storeApp' = [storeApp EXCEPT ![a].state = "ACTIVE"]
             /\ Deliver(msg, {ToDriver("RegisteredApplication", m, a)})
             /\ UNCHANGED <<zkLeader, zkEpoch, storeWorker, mState, mEpoch, mWorkers, mWorkerOrder, mExecs>>
    /\ UNCHANGED <<workerVars, driverVars, Quiet, historyVars>>

DriverHandleRegisteredApplication(a, msg) ==
    /\ msg.type = "RegisteredApplication" /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ msg.epoch >= dEpoch[a]                        \* fencing: RegisteredApplication
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < dEpoch[a])
    /\ dState' = [dState EXCEPT ![a] = "REGISTERED"]
    /\ dMaster' = [dMaster EXCEPT ![a] = msg.master]
    /\ dEpoch' = [dEpoch EXCEPT ![a] = msg.epoch]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dExecs, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

\* Removing an app (it finished, its driver went away, or it failed): its
\* executors are killed and stay booked (KILLING) until their worker reports
\* them gone; the persisted record becomes a tombstone.
AppRemoval(m, a, books, failed) ==
    [books |-> {IF e.app = a THEN [e EXCEPT !.state = "KILLING"] ELSE e : e \in books},
     msgs |-> {KillMsg(m, e, mWorkers[m][e.worker].inc) : e \in {x \in books : x.app = a /\ x.state # "KILLING"}}
              \cup (IF failed THEN {ToDriver("ApplicationRemoved", m, a)} ELSE {})]

RemoveApplication(m, a) ==
    LET r == AppRemoval(m, a, mExecs[m], FALSE) IN
    /\ HoldsLease(m)
    /\ mApps[m][a].state \in ActiveAppStates
    /\ mApps' = [mApps EXCEPT ![m][a].state = "FINISHED"]
    /\ mAppOrder' = [mAppOrder EXCEPT ![m] = Remove(@, a)]
    /\ mExecs' = [mExecs EXCEPT ![m] = r.books]
    /\ storeApp' = [storeApp EXCEPT ![a].state = "FINISHED"]
    /\ finishedApps' = finishedApps \cup {a}
    /\ UNCHANGED <<zkLeader, zkEpoch, storeWorker, mState, mEpoch, mWorkers, mWorkerOrder,
                   workerVars, driverVars, launchCount, abnormalExits,
                   staleCommandActedOn, launchForFinished>>

MasterHandleUnregisterApplication(m, msg) ==
    /\ msg.type = "UnregisterApplication" /\ msg.dest = m
    /\ Leading(m)
    /\ RemoveApplication(m, msg.app)
    /\ Deliver(msg, AppRemoval(m, msg.app, mExecs[m], FALSE).msgs)
    /\ UNCHANGED Quiet

\* The driver's connection closed (it stopped or crashed).
MasterHandleDriverDisconnected(m, a) ==
    /\ Leading(m)
    /\ dState[a] = "DONE"
    /\ RemoveApplication(m, a)
    /\ SendAll(AppRemoval(m, a, mExecs[m], FALSE).msgs)
    /\ UNCHANGED envVars

DriverHandleApplicationRemoved(a, msg) ==
    /\ msg.type = "ApplicationRemoved" /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ msg.epoch >= dEpoch[a]                        \* fencing: ApplicationRemoved
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < dEpoch[a])
    /\ dState' = [dState EXCEPT ![a] = "DONE"]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dMaster, dEpoch, dExecs, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

\* A leader that finished an app whose driver still follows it (its connection
\* open, in this term) tells it ApplicationRemoved again (its retry timer):
\* the first one, or the MasterChangeAcknowledged whose absence made recovery
\* finish the app, may have been lost, and the driver would stay registered
\* with a leader that finished its app.
MasterResendApplicationRemoved(m, a) ==
    /\ Leading(m)
    /\ mApps[m][a].state = "FINISHED"
    /\ dState[a] = "REGISTERED" /\ dMaster[a] = m /\ dEpoch[a] = mEpoch[m]
    /\ ToDriver("ApplicationRemoved", m, a) \notin msgs
    /\ Send(ToDriver("ApplicationRemoved", m, a))
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>

\* The driver stops (its job is done, or it crashes): its app ends.
DriverStop(a) ==
    /\ dState[a] # "DONE"
    /\ CanAppEvent("stop") /\ appEvents' = appEvents + 1
    /\ dState' = [dState EXCEPT ![a] = "DONE"]
    /\ msgs' = {x \in msgs : ~(ForDriver(x) /\ x.app = a)}
               \cup (IF dMaster[a] # None
                     THEN Live({[type |-> "UnregisterApplication", dest |-> dMaster[a], app |-> a]}) ELSE {})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dMaster, dEpoch, dExecs, spreadOut, faults, historyVars>>

\* Dynamic allocation: the driver sets a new executor total.
DriverRequestExecutors(a, n) ==
    /\ AppShape[a].dynamic
    /\ dState[a] = "REGISTERED"
    /\ CanAppEvent("request") /\ appEvents' = appEvents + 1
    /\ Send([type |-> "RequestExecutors", dest |-> dMaster[a], app |-> a, total |-> n])
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, spreadOut, faults, historyVars>>

MasterHandleRequestExecutors(m, msg) ==
    /\ msg.type = "RequestExecutors" /\ msg.dest = m
    /\ Leading(m) /\ HoldsLease(m)
    /\ mApps[m][msg.app].state \in ActiveAppStates
    /\ mApps' = [mApps EXCEPT ![m][msg.app].target = msg.total]
    /\ storeApp' = [storeApp EXCEPT ![msg.app].target = msg.total]   \* targets survive failover
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkLeader, zkEpoch, storeWorker, mState, mEpoch, mAppOrder, mWorkers, mWorkerOrder,
                   mExecs, workerVars, driverVars, Quiet, historyVars>>

DriverKillExecutor(a, id) ==
    /\ dState[a] = "REGISTERED"
    /\ id \in dExecs[a]
    /\ CanAppEvent("kill") /\ appEvents' = appEvents + 1
    /\ Send([type |-> "KillExecutors", dest |-> dMaster[a], app |-> a, id |-> id])
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, spreadOut, faults, historyVars>>

\* The executor stays booked (KILLING) until its worker reports it gone, so its
\* cores are not handed out twice (Spark frees them at once and can oversubscribe).
MasterHandleKillExecutors(m, msg) ==
    /\ msg.type = "KillExecutors" /\ msg.dest = m
    /\ Leading(m)
    /\ mApps[m][msg.app].state \in ActiveAppStates
    /\ \E e \in mExecs[m] :
          /\ e.app = msg.app /\ e.id = msg.id /\ e.state # "KILLING"
          /\ mExecs' = [mExecs EXCEPT ![m] = (@ \ {e}) \cup {[e EXCEPT !.state = "KILLING"]}]
          /\ Deliver(msg, {KillMsg(m, e, mWorkers[m][e.worker].inc)})
    /\ UNCHANGED <<zkVars, mState, mEpoch, mApps, mAppOrder, mWorkers, mWorkerOrder,
                   workerVars, driverVars, Quiet, historyVars>>

-----------------------------------------------------------------------------
(* Executors on workers *)

LaunchCounted(k) == IF k \in DOMAIN launchCount
                    THEN [launchCount EXCEPT ![k] = @ + 1]
                    ELSE launchCount @@ (k :> 1)

LaunchCommand(m, e) ==
    [type |-> "LaunchExecutor", worker |-> e.worker, inc |-> mWorkers[m][e.worker].inc,
     epoch |-> mEpoch[m], app |-> e.app, id |-> e.id, cores |-> e.cores, mem |-> e.mem]

\* The leader sends a booked executor's LaunchExecutor or KillExecutor again
\* when it was lost (its retry timer; the worker ignores a duplicate): a
\* launch the worker never saw, a kill of an executor that still runs there
\* (or that it never saw).
MasterResendExecutorCommand(m, e) ==
    /\ Leading(m) /\ e \in mExecs[m]
    /\ e.state \in {"LAUNCHING", "KILLING"}
    /\ mWorkers[m][e.worker].state = "ALIVE"
    /\ LET w == e.worker
           cmd == IF e.state = "LAUNCHING" THEN LaunchCommand(m, e) ELSE KillMsg(m, e, mWorkers[m][w].inc)
       IN /\ cmd \notin msgs
          /\ wUp[w] /\ wInc[w] = mWorkers[m][w].inc
          /\ \/ <<e.app, e.id>> \notin wSeen[w]
             \/ e.state = "KILLING" /\ \E p \in wExecs[w] : p.app = e.app /\ p.id = e.id
          /\ Send(cmd)
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>

WorkerHandleLaunchExecutor(w, msg) ==
    /\ msg.type = "LaunchExecutor" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ msg.epoch >= wEpoch[w]                        \* fencing: LaunchExecutor
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < wEpoch[w])
    /\ IF <<msg.app, msg.id>> \in wSeen[w]
       THEN \* a duplicate LaunchExecutor is ignored
            /\ Deliver(msg, {})
            /\ UNCHANGED <<wEpoch, wExecs, wSeen, wReports, launchCount, abnormalExits>>
       ELSE
       LET fits == SumOf(wExecs[w], "cores") + msg.cores <= WorkerCores[w] /\ SumOf(wExecs[w], "mem") + msg.mem <= WorkerMemory[w]
           \* A refused launch (it does not fit) is reported FAILED. A started one is reported RUNNING only
           \* once it has registered with its driver (WorkerReportExecutorRunning): a process that starts and
           \* dies at once is no success, and must not reset its app's retry budget.
           reports == IF fits THEN {} ELSE {Report(msg.app, msg.id, "FAILED", FALSE, FALSE)}
       IN /\ wEpoch' = [wEpoch EXCEPT ![w] = Max(@, msg.epoch)]
          /\ wSeen' = [wSeen EXCEPT ![w] = @ \cup {<<msg.app, msg.id>>}]
          /\ wReports' = [wReports EXCEPT ![w] = @ \cup reports]
          /\ Deliver(msg, UNION {Reported(w, r) : r \in reports})
          /\ IF fits
             THEN /\ wExecs' = [wExecs EXCEPT ![w] = @ \cup {[app |-> msg.app, id |-> msg.id, cores |-> msg.cores,
                                                              mem |-> msg.mem, registered |-> FALSE, running |-> FALSE]}]
                  /\ launchCount' = LaunchCounted(<<msg.app, msg.id>>)
                  /\ UNCHANGED abnormalExits
             ELSE /\ abnormalExits' = [abnormalExits EXCEPT ![msg.app] = @ + 1]
                  /\ UNCHANGED <<wExecs, launchCount>>
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, driverVars, Quiet,
                   finishedApps, launchForFinished>>

WorkerHandleKillExecutor(w, msg) ==
    /\ msg.type = "KillExecutor" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ msg.epoch >= wEpoch[w]                        \* fencing: KillExecutor
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < wEpoch[w])
    /\ LET running == {p \in wExecs[w] : p.app = msg.app /\ p.id = msg.id}
           neverLaunched == <<msg.app, msg.id>> \notin wSeen[w]
       IN /\ wEpoch' = [wEpoch EXCEPT ![w] = Max(@, msg.epoch)]
          /\ wExecs' = [wExecs EXCEPT ![w] = @ \ running]
          /\ wSeen' = [wSeen EXCEPT ![w] = @ \cup {<<msg.app, msg.id>>}]
          \* killed, or never launched here: either way report it gone
          /\ LET report == Report(msg.app, msg.id, "KILLED", TRUE, FALSE)
                 reports == IF running # {} \/ neverLaunched THEN {report} ELSE {}
             IN /\ wReports' = [wReports EXCEPT ![w] = @ \cup reports]
                /\ Deliver(msg, UNION {Reported(w, r) : r \in reports})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, driverVars, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

\* The executor process connects to its driver and registers (again, if
\* neither its request nor the answer is in flight).
ExecutorRegisterWithDriver(w, p) ==
    /\ wUp[w] /\ p \in wExecs[w] /\ ~p.registered
    /\ LET req == [type |-> "RegisterExecutor", app |-> p.app, id |-> p.id, worker |-> w, inc |-> wInc[w]]
           ans == [type |-> "RegisteredExecutor", app |-> p.app, id |-> p.id, worker |-> w, inc |-> wInc[w]]
       IN /\ req \notin msgs /\ ans \notin msgs
          /\ Send(req)
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>

DriverHandleRegisterExecutor(a, msg) ==
    /\ msg.type = "RegisterExecutor" /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ dExecs' = [dExecs EXCEPT ![a] = @ \cup {msg.id}]
    /\ Deliver(msg, {[type |-> "RegisteredExecutor", app |-> a, id |-> msg.id, worker |-> msg.worker, inc |-> msg.inc]})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dState, dMaster, dEpoch, Quiet, historyVars>>

ExecutorHandleRegisteredExecutor(w, msg) ==
    /\ msg.type = "RegisteredExecutor" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ wExecs' = [wExecs EXCEPT ![w] = {IF p.app = msg.app /\ p.id = msg.id THEN [p EXCEPT !.registered = TRUE] ELSE p
                                        : p \in @}]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, wEpoch, wSeen, wReports,
                   driverVars, Quiet, historyVars>>

\* The worker hears that one of its executors registered with its driver, and
\* reports it RUNNING: only then does the master count it as running (and
\* reset its app's retry budget). Spark reports RUNNING when the process
\* starts, so an executor that always dies at start up is relaunched forever
\* (SPARK-27510).
WorkerReportExecutorRunning(w, p) ==
    /\ wUp[w] /\ p \in wExecs[w] /\ p.registered /\ ~p.running
    /\ wExecs' = [wExecs EXCEPT ![w] = (@ \ {p}) \cup {[p EXCEPT !.running = TRUE]}]
    /\ LET report == Report(p.app, p.id, "RUNNING", TRUE, FALSE) IN
       /\ wReports' = [wReports EXCEPT ![w] = @ \cup {report}]
       /\ SendAll(Reported(w, report))
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, wEpoch, wSeen, driverVars, envVars, historyVars>>

\* The executor process exits by itself, normally or not (an application event).
ExecutorExit(w, p, normal) ==
    /\ wUp[w] /\ p \in wExecs[w]
    /\ CanAppEvent("exit") /\ appEvents' = appEvents + 1
    /\ wExecs' = [wExecs EXCEPT ![w] = @ \ {p}]
    /\ LET report == Report(p.app, p.id, IF normal THEN "EXITED" ELSE "FAILED", normal, FALSE) IN
       /\ wReports' = [wReports EXCEPT ![w] = @ \cup {report}]
       /\ SendAll(Reported(w, report))
    /\ abnormalExits' = IF normal THEN abnormalExits ELSE [abnormalExits EXCEPT ![p.app] = @ + 1]
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, wEpoch, wSeen, driverVars,
                   spreadOut, faults, launchCount, finishedApps, staleCommandActedOn, launchForFinished>>

\* An executor whose driver is gone exits by itself (no orphan process) and its
\* report says so: the master takes it as the driver's disconnection rather
\* than launching a replacement for a driver that is gone.
ExecutorDriverGone(w, p) ==
    /\ wUp[w] /\ p \in wExecs[w]
    /\ dState[p.app] = "DONE"            \* its driver connection closed
    /\ wExecs' = [wExecs EXCEPT ![w] = @ \ {p}]
    /\ LET report == Report(p.app, p.id, "EXITED", TRUE, TRUE) IN
       /\ wReports' = [wReports EXCEPT ![w] = @ \cup {report}]
       /\ SendAll(Reported(w, report))
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, wEpoch, wSeen, driverVars, envVars, historyVars>>

AckMessage(w, r) ==
    [type |-> "ExecutorStateChangedAck", worker |-> w, inc |-> wInc[w], app |-> r.app, id |-> r.id, state |-> r.state]

\* An unacknowledged state report is sent again (its retry timer) to the
\* worker's current master when neither it nor its acknowledgement is in flight.
WorkerSendExecutorStateChanged(w, r) ==
    /\ wUp[w] /\ wMaster[w] # None /\ r \in wReports[w]
    /\ ReportMessage(w, r) \notin msgs
    /\ ~\E msg \in msgs : msg.type = "ExecutorStateChangedAck" /\ msg.worker = w /\ msg.inc = wInc[w]
                          /\ msg.app = r.app /\ msg.id = r.id /\ msg.state = r.state
    /\ Send(ReportMessage(w, r))
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>

\* Idempotent: a report of an executor the books no longer hold changes
\* nothing, and a RUNNING report of an executor the books never held gets it killed.
MasterHandleExecutorStateChanged(m, msg) ==
    /\ msg.type = "ExecutorStateChanged" /\ msg.dest = m
    /\ Leading(m) /\ HoldsLease(m)
    /\ mWorkers[m][msg.worker].state = "ALIVE" /\ mWorkers[m][msg.worker].inc = msg.inc
    /\ LET a == msg.app
           booked == {e \in mExecs[m] : e.app = a /\ e.id = msg.id /\ e.worker = msg.worker}
           finished == msg.state \in FinishedExecStates
           counted == finished /\ ~msg.normal /\ booked # {}
           retries == IF counted THEN mApps[m][a].retries + 1
                      ELSE IF msg.state = "RUNNING" /\ booked # {} THEN 0 ELSE mApps[m][a].retries
           books == IF finished THEN mExecs[m] \ booked
                    ELSE (mExecs[m] \ booked) \cup {IF e.state = "LAUNCHING" THEN [e EXCEPT !.state = "RUNNING"] ELSE e : e \in booked}
           fails == /\ counted /\ mApps[m][a].state \in ActiveAppStates
                    /\ MaxExecutorRetries >= 0 /\ retries >= MaxExecutorRetries
                    /\ ~\E e \in books : e.app = a /\ e.state = "RUNNING"
           ends == fails \/ (msg.driverGone /\ mApps[m][a].state \in ActiveAppStates)
           removal == AppRemoval(m, a, books, fails)
           ack == [type |-> "ExecutorStateChangedAck", worker |-> msg.worker, inc |-> msg.inc,
                   app |-> a, id |-> msg.id, state |-> msg.state]
           update == IF finished /\ booked # {} THEN {UpdatedMsg(m, a, msg.id, msg.state)} ELSE {}
           zombie == IF msg.state = "RUNNING" /\ booked = {}
                     THEN {KillMsg(m, [worker |-> msg.worker, app |-> a, id |-> msg.id], msg.inc)} ELSE {}
       IN /\ mExecs' = [mExecs EXCEPT ![m] = IF ends THEN removal.books ELSE books]
          /\ mApps' = [mApps EXCEPT ![m][a] = [@ EXCEPT !.retries = retries,
                                                         !.state = IF ends THEN "FINISHED" ELSE @]]
          /\ mAppOrder' = [mAppOrder EXCEPT ![m] = IF ends THEN Remove(@, a) ELSE @]
          /\ storeApp' = IF ends THEN [storeApp EXCEPT ![a].state = "FINISHED"] ELSE storeApp
          /\ finishedApps' = IF ends THEN finishedApps \cup {a} ELSE finishedApps
          /\ Deliver(msg, {ack} \cup update \cup zombie \cup (IF ends THEN removal.msgs ELSE {}))
    /\ UNCHANGED <<zkLeader, zkEpoch, storeWorker, mState, mEpoch, mWorkers, mWorkerOrder,
                   workerVars, driverVars, Quiet, launchCount, abnormalExits,
                   staleCommandActedOn, launchForFinished>>

WorkerHandleExecutorStateChangedAck(w, msg) ==
    /\ msg.type = "ExecutorStateChangedAck" /\ msg.worker = w
    /\ wUp[w] /\ msg.inc = wInc[w]
    /\ wReports' = [wReports EXCEPT ![w] = {r \in @ : ~(r.app = msg.app /\ r.id = msg.id /\ r.state = msg.state)}]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wMaster, wEpoch, wExecs, wSeen,
                   driverVars, Quiet, historyVars>>

\* The master announces an executor it is launching. The driver counts an
\* executor only when the executor itself registers (the launch may still fail
\* or be refused), so this changes nothing it counts.
DriverHandleExecutorAdded(a, msg) ==
    /\ msg.type = "ExecutorAdded" /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ msg.epoch >= dEpoch[a]                        \* fencing: ExecutorAdded
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < dEpoch[a])
    /\ dExecs' = dExecs                              \* the driver counts registered executors only
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dState, dMaster, dEpoch, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

DriverHandleExecutorUpdated(a, msg) ==
    /\ msg.type = "ExecutorUpdated" /\ msg.app = a
    /\ dState[a] # "DONE"
    /\ msg.epoch >= dEpoch[a]                        \* fencing: ExecutorUpdated
    /\ staleCommandActedOn' = (staleCommandActedOn \/ msg.epoch < dEpoch[a])
    /\ dExecs' = [dExecs EXCEPT ![a] = @ \ {msg.id}]
    /\ Deliver(msg, {})
    /\ UNCHANGED <<zkVars, masterVars, workerVars, dState, dMaster, dEpoch, Quiet,
                   launchCount, abnormalExits, finishedApps, launchForFinished>>

-----------------------------------------------------------------------------
(* The network *)

NetDrop(msg) ==
    /\ CanFault("drop") /\ faults' = faults + 1
    /\ msgs' = msgs \ {msg}
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, spreadOut, appEvents, historyVars>>

-----------------------------------------------------------------------------
(* Next-state relation, split by role and by fault *)

\* One disjunct per action, so that TLC names the handler in counterexamples.
MasterNext ==
    \/ \E m \in Masters : MasterElectedLeader(m)
    \/ \E m \in Masters : MasterRevokedLeadership(m)
    \/ \E m \in Masters : MasterRestart(m)
    \/ \E m \in Masters : MasterCompleteRecovery(m)
    \/ \E m \in Masters : MasterSchedule(m)
    \/ \E m \in Masters : ZkSessionExpiredOfDownLeader(m)
    \/ \E m \in Masters, msg \in msgs : MasterHandleRegisterWorker(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleWorkerLatestState(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleWorkerSchedulerStateResponse(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleMasterChangeAcknowledged(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleRegisterApplication(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleUnregisterApplication(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleRequestExecutors(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleKillExecutors(m, msg)
    \/ \E m \in Masters, msg \in msgs : MasterHandleExecutorStateChanged(m, msg)
    \/ \E m \in Masters, w \in Workers : MasterWorkerTimeoutOfDeadWorker(m, w)
    \/ \E m \in Masters, w \in Workers : MasterHandleHeartbeat(m, w)
    \/ \E m \in Masters, a \in Apps : MasterHandleDriverDisconnected(m, a)
    \/ \E m \in Masters, a \in Apps : MasterResendApplicationRemoved(m, a)
    \/ \E m \in Masters : \E e \in mExecs[m] : MasterResendExecutorCommand(m, e)

WorkerNext ==
    \/ \E w \in Workers : WorkerSendRegisterWorker(w)
    \/ \E w \in Workers : \E r \in wReports[w] : WorkerSendExecutorStateChanged(w, r)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleRegisteredWorker(w, msg)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleReconnectWorker(w, msg)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleMasterChanged(w, msg)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleLaunchExecutor(w, msg)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleKillExecutor(w, msg)
    \/ \E w \in Workers, msg \in msgs : WorkerHandleExecutorStateChangedAck(w, msg)
    \/ \E w \in Workers : \E p \in wExecs[w] : WorkerReportExecutorRunning(w, p)

ExecutorNext ==
    \/ \E w \in Workers, msg \in msgs : ExecutorHandleRegisteredExecutor(w, msg)
    \/ \E w \in Workers : \E p \in wExecs[w] : ExecutorRegisterWithDriver(w, p)
    \/ \E w \in Workers : \E p \in wExecs[w] : ExecutorDriverGone(w, p)

DriverNext ==
    \/ \E a \in Apps : DriverSendRegisterApplication(a)
    \/ \E a \in Apps, msg \in msgs : DriverHandleRegisteredApplication(a, msg)
    \/ \E a \in Apps, msg \in msgs : DriverHandleMasterChanged(a, msg)
    \/ \E a \in Apps, msg \in msgs : DriverHandleApplicationRemoved(a, msg)
    \/ \E a \in Apps, msg \in msgs : DriverHandleRegisterExecutor(a, msg)
    \/ \E a \in Apps, msg \in msgs : DriverHandleExecutorAdded(a, msg)
    \/ \E a \in Apps, msg \in msgs : DriverHandleExecutorUpdated(a, msg)

\* What applications choose to do: not owed to anyone, so not fair.
AppChoices ==
    \/ \E a \in Apps : DriverStop(a)
    \/ \E a \in Apps, n \in 0..MaxTarget : DriverRequestExecutors(a, n)
    \/ \E a \in Apps : \E id \in dExecs[a] : DriverKillExecutor(a, id)
    \/ \E w \in Workers : \E p \in wExecs[w] : \E normal \in BOOLEAN : ExecutorExit(w, p, normal)

Faults ==
    \/ \E m \in Masters : MasterCrash(m)
    \/ \E m \in Masters : ZkSessionExpiredOfLiveLeader(m)
    \/ \E m \in Masters, w \in Workers : MasterWorkerTimeoutOfLiveWorker(m, w)
    \/ \E w \in Workers : WorkerCrash(w)
    \/ \E w \in Workers : WorkerSuspectsLiveMaster(w)
    \/ \E a \in Apps : DriverSuspectsLiveMaster(a)
    \* a crashed worker machine may come back, or be gone for good: not owed
    \/ \E w \in Workers : WorkerRestart(w)
    \/ \E msg \in msgs : NetDrop(msg)

Next == MasterNext \/ WorkerNext \/ ExecutorNext \/ DriverNext \/ AppChoices \/ Faults

\* The protocol: every step some process owes (not faults, not application choices).
ProtocolNext == MasterNext \/ WorkerNext \/ ExecutorNext \/ DriverNext

\* Weak fairness of the protocol as a whole suffices because the protocol has
\* no cycle (checked by Termination below): faults and application events are
\* bounded, so every behaviour ends in a state where no protocol step is left.
Fairness == WF_vars(ProtocolNext)

Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ Fairness

-----------------------------------------------------------------------------
(* Safety properties *)

Msgs == {"RegisterWorker", "WorkerLatestState", "RegisteredWorker", "ReconnectWorker", "Heartbeat", "MasterChanged",
         "WorkerSchedulerStateResponse", "MasterChangeAcknowledged", "RegisterApplication",
         "RegisteredApplication", "ApplicationRemoved", "UnregisterApplication", "RequestExecutors",
         "KillExecutors", "LaunchExecutor", "KillExecutor", "ExecutorStateChanged",
         "ExecutorStateChangedAck", "ExecutorAdded", "ExecutorUpdated", "RegisterExecutor", "RegisteredExecutor"}

TypeOK ==
    /\ zkLeader \in Masters \cup {None}
    /\ zkEpoch \in 0..MaxEpoch
    /\ \A a \in Apps : storeApp[a].state \in {"NONE", "ACTIVE", "FINISHED"} /\ storeApp[a].nextExecId \in Nat
    /\ storeWorker \in [Workers -> Nat]
    /\ mState \in [Masters -> MasterStates]
    /\ mEpoch \in [Masters -> 0..MaxEpoch]
    /\ \A m \in Masters :
          /\ \A a \in Apps : mApps[m][a].state \in {"NONE", "UNKNOWN", "WAITING", "RUNNING", "FINISHED"}
          /\ \A w \in Workers : mWorkers[m][w].state \in {"NONE", "UNKNOWN", "ALIVE"}
          /\ \A e \in mExecs[m] : e.app \in Apps /\ e.worker \in Workers /\ e.cores \in 1..WorkerCores[e.worker]
                                 /\ e.state \in {"LAUNCHING", "RUNNING", "KILLING"}
          /\ \A i \in 1..Len(mWorkerOrder[m]) : mWorkers[m][mWorkerOrder[m][i]].state = "ALIVE"
    /\ wUp \in [Workers -> BOOLEAN]
    /\ wMaster \in [Workers -> Masters \cup {None}]
    /\ \A w \in Workers : \A p \in wExecs[w] : p.app \in Apps /\ p.registered \in BOOLEAN /\ p.running \in BOOLEAN
    /\ dState \in [Apps -> {"REGISTERING", "REGISTERED", "DONE"}]
    /\ dMaster \in [Apps -> Masters \cup {None}]
    /\ \A msg \in msgs : msg.type \in Msgs
    /\ faults \in 0..MaxFaults /\ appEvents \in 0..MaxAppEvents

\* No worker ever runs executors beyond its cores or memory.
WorkerCapacityRespected ==
    \A w \in Workers : SumOf(wExecs[w], "cores") <= WorkerCores[w] /\ SumOf(wExecs[w], "mem") <= WorkerMemory[w]

\* The leader's books never place more on a worker than it has.
BooksWithinWorkerCapacity ==
    \A m \in Masters : Leading(m) =>
        \A w \in Workers : FreeCores(mExecs[m], w) >= 0 /\ FreeMem(mExecs[m], w) >= 0

\* An executor identity (app, id) is started at most once, ever, anywhere.
ExecutorLaunchedOnce == \A k \in DOMAIN launchCount : launchCount[k] = 1

\* At most one master acts as leader in any epoch.
OneLeaderPerEpoch ==
    \A m1, m2 \in Masters : m1 # m2 /\ Leading(m1) /\ Leading(m2) => mEpoch[m1] # mEpoch[m2]

\* No worker or driver acts on a command of an older epoch than one it has seen.
FencingRespected == ~staleCommandActedOn

\* The driver counts only executors that a worker really started for it.
DriverCountsOnlyLaunched == \A a \in Apps : \A id \in dExecs[a] : <<a, id>> \in DOMAIN launchCount

\* The leader's books never grant an app more cores than its cap.
AppCapRespected ==
    \A m \in Masters : Leading(m) => \A a \in Apps : CoresGranted(mExecs[m], a) <= Cap(a)

\* Nothing is launched for a finished application.
NothingLaunchedForFinishedApp == ~launchForFinished

\* The master counts no more executor failures than really happened, so a
\* duplicated report cannot fail an app (state reports are idempotent).
RetriesCountRealFailures ==
    \A m \in Masters : \A a \in Apps : mApps[m][a].retries <= abnormalExits[a]

\* A worker reports an executor RUNNING only once it has registered with its
\* driver: no RUNNING report waits for an executor that runs unregistered.
\* (So a launch-failure loop exhausts the retry budget: Liveness L7.)
RunningMeansRegistered ==
    \A w \in Workers : \A r \in wReports[w] :
        r.state = "RUNNING" => ~\E p \in wExecs[w] : p.app = r.app /\ p.id = r.id /\ ~p.registered

\* The leader's executor ids stay ahead of every id ever used (ids never repeat).
ExecutorIdsAhead ==
    \A m \in Masters : Leading(m) /\ HoldsLease(m) =>
        \A k \in DOMAIN launchCount : mApps[m][k[1]].state # "NONE" => k[2] < mApps[m][k[1]].nextExecId

Safety ==
    /\ TypeOK /\ WorkerCapacityRespected /\ BooksWithinWorkerCapacity /\ ExecutorLaunchedOnce
    /\ OneLeaderPerEpoch /\ FencingRespected /\ DriverCountsOnlyLaunched /\ AppCapRespected
    /\ NothingLaunchedForFinishedApp /\ RetriesCountRealFailures /\ RunningMeansRegistered

-----------------------------------------------------------------------------
(* Liveness, under Fairness; faults are bounded, so they stop *)

StableLeader(m) == mState[m] = "ALIVE" /\ HoldsLease(m)

\* No protocol step is left to take.
Quiescent == ~ENABLED (ProtocolNext /\ vars' # vars)

\* The protocol never runs in circles: every fair behaviour comes to rest.
Termination == <>[]Quiescent

\* A crashed or deposed leader is replaced and recovery completes.
LeaderEventuallyAlive == <>[](\E m \in Masters : StableLeader(m))

RecoveryCompletes == \A m \in Masters : (mState[m] = "RECOVERING") ~> (mState[m] # "RECOVERING")

\* App a, as leader m books it, has what free capacity and its limits allow:
\* its cap is reached, or its executor target, or no live worker can host
\* one more of its executors. (Stated without the allocation operator, so a
\* broken scheduler cannot make it hold.)
AppSatisfied(m, a) ==
    LET books == mExecs[m] IN
    \/ Cap(a) - CoresGranted(books, a) < MinCpe(a)
    \/ Cardinality({e \in books : e.app = a}) >= mApps[m][a].target
    \/ ~\E w \in Workers : /\ mWorkers[m][w].state = "ALIVE"
                          /\ FreeCores(books, w) >= MinCpe(a) /\ FreeMem(books, w) >= Mem(a)

\* Every live driver ends up registered with a stable leader, and each app
\* has the executors that free capacity and its limits allow.
AppsGetExecutors ==
    <>[](\E m \in Masters :
            /\ StableLeader(m)
            /\ \A a \in Apps : dState[a] # "DONE" =>
                  /\ dState[a] = "REGISTERED" /\ dMaster[a] = m
                  /\ mApps[m][a].state \in {"WAITING", "RUNNING"}
                  /\ AppSatisfied(m, a))

\* Every live worker ends up registered with the stable leader in its current
\* incarnation, its executors known to it (ALIVE), so the leader can use it.
WorkersJoinLeader ==
    <>[](\E m \in Masters :
            /\ StableLeader(m)
            /\ \A w \in Workers : wUp[w] => mWorkers[m][w].state = "ALIVE" /\ mWorkers[m][w].inc = wInc[w])

\* The leader's books end up equal to the executors really running.
BooksMatchRunningExecutors ==
    <>[](\E m \in Masters :
            /\ StableLeader(m)
            /\ {<<e.app, e.id, e.worker>> : e \in mExecs[m]} = UNION {{<<p.app, p.id, w>> : p \in wExecs[w]} : w \in Workers})

\* Every executor of a finished app stops.
FinishedAppsStop ==
    \A a \in Apps : (dState[a] = "DONE") ~> (\A w \in Workers : \A p \in wExecs[w] : p.app # a)

=============================================================================
