------------------------- MODULE TraceSparkStandalone -------------------------
(***************************************************************************)
(* Trace validation: the behaviours of SparkStandalone that take exactly  *)
(* the events of one implementation trace, in order. The trace checker    *)
(* (trace-checker/) generates the module TraceData (the merged trace and   *)
(* the constants learned from it) and a config that substitutes them; the  *)
(* TraceData.tla kept here is an empty placeholder (see trace-checker's    *)
(* README).                                                                *)
(*                                                                         *)
(* Each event names its spec action, the node, the message it consumed    *)
(* (as a spec message record), the messages it sent and the node's spec   *)
(* variables afterwards (changed ones; the others must stay as they were). *)
(* A step of TraceNext is the named base action, with its parameters      *)
(* fixed, whose outcome equals the event. Steps the implementation does   *)
(* not trace are allowed in a bounded way: message loss the checker      *)
(* derived from the trace ("NetDrop" events), and, only when the next     *)
(* event cannot be taken otherwise, at most MaxHidden environment steps   *)
(* (a session expiry, a crash, a driver that went away).                  *)
(***************************************************************************)
EXTENDS SparkStandalone, TraceData

\* The trace is a definition, not a constant substituted in the config: TLC
\* evaluates a zero-arity constant definition once, but a substituted constant
\* at every use, which made each step cost as much as the whole trace.
TraceLog == TLog

CONSTANTS
    MaxHidden,    \* environment steps allowed before one event
    DiagnoseAt    \* 0; or the index of an event the spec rejected: then print the state before it and what differs

VARIABLES l, hidden, diag

traceVars == <<vars, l, hidden, diag>>

Ev == TraceLog[l]
Has(r, f) == f \in DOMAIN r

\* the node-local variables of each role, by spec name
MasterVarNames == {"mState", "mEpoch", "mApps", "mAppOrder", "mWorkers", "mWorkerOrder", "mExecs"}
WorkerVarNames == {"wInc", "wMaster", "wEpoch", "wExecs", "wSeen", "wReports"}
DriverVarNames == {"dState", "dMaster", "dEpoch", "dExecs"}

\* What the worker process itself knows of an executor (the registered flag lives in the executor process).
ExecView(S) == {[app |-> p.app, id |-> p.id, cores |-> p.cores, mem |-> p.mem, running |-> p.running] : p \in S}

\* The value of a node-local variable as the implementation records it.
MasterVal(name, m) ==
    CASE name = "mState" -> mState'[m] [] name = "mEpoch" -> mEpoch'[m] [] name = "mApps" -> mApps'[m]
      [] name = "mAppOrder" -> mAppOrder'[m] [] name = "mWorkers" -> mWorkers'[m]
      [] name = "mWorkerOrder" -> mWorkerOrder'[m] [] name = "mExecs" -> mExecs'[m]
MasterOld(name, m) ==
    CASE name = "mState" -> mState[m] [] name = "mEpoch" -> mEpoch[m] [] name = "mApps" -> mApps[m]
      [] name = "mAppOrder" -> mAppOrder[m] [] name = "mWorkers" -> mWorkers[m]
      [] name = "mWorkerOrder" -> mWorkerOrder[m] [] name = "mExecs" -> mExecs[m]
WorkerVal(name, w) ==
    CASE name = "wInc" -> wInc'[w] [] name = "wMaster" -> wMaster'[w] [] name = "wEpoch" -> wEpoch'[w]
      [] name = "wExecs" -> ExecView(wExecs'[w]) [] name = "wSeen" -> wSeen'[w] [] name = "wReports" -> wReports'[w]
WorkerOld(name, w) ==
    CASE name = "wInc" -> wInc[w] [] name = "wMaster" -> wMaster[w] [] name = "wEpoch" -> wEpoch[w]
      [] name = "wExecs" -> ExecView(wExecs[w]) [] name = "wSeen" -> wSeen[w] [] name = "wReports" -> wReports[w]
DriverVal(name, a) ==
    CASE name = "dState" -> dState'[a] [] name = "dMaster" -> dMaster'[a] [] name = "dEpoch" -> dEpoch'[a]
      [] name = "dExecs" -> dExecs'[a]
DriverOld(name, a) ==
    CASE name = "dState" -> dState[a] [] name = "dMaster" -> dMaster[a] [] name = "dEpoch" -> dEpoch[a]
      [] name = "dExecs" -> dExecs[a]

\* The value a variable must have after the event: the logged value (pin), or
\* for set-valued variables the value before with what the log added and
\* removed (setd); a variable the event did not log keeps its value.
Expected(e, v, old) ==
    IF Has(e.pin, v) THEN e.pin[v]
    ELSE IF Has(e.setd, v) THEN (old \ e.setd[v].del) \cup e.setd[v].add
    ELSE old
PinnedMaster(e) == \A v \in MasterVarNames : MasterVal(v, e.node) = Expected(e, v, MasterOld(v, e.node))
PinnedWorker(e) == \A v \in WorkerVarNames : WorkerVal(v, e.node) = Expected(e, v, WorkerOld(v, e.node))
PinnedDriver(e) == \A v \in DriverVarNames : DriverVal(v, e.node) = Expected(e, v, DriverOld(v, e.node))
\* An executor process logs its own record of wExecs: identity and registered flag.
\* (IF, not \/: TLC explores both sides of a disjunction in an action.)
PinnedExecutor(e) ==
    IF Has(e.pin, "wExecs")
    THEN \E p \in wExecs'[e.node] : p.app = e.exec.app /\ p.id = e.exec.id /\ p.registered = e.pin.wExecs.registered
    ELSE TRUE

Pinned(e) ==
    CASE e.role = "master" -> PinnedMaster(e)
      [] e.role = "worker" -> PinnedWorker(e)
      [] e.role = "driver" -> PinnedDriver(e)
      [] e.role = "executor" -> PinnedExecutor(e)

\* The messages the step added to the network are the ones the event sent (to live receivers).
SentMatches(e) == msgs' \ msgs = Live(e.sent) \ msgs

\* A registration its sender would send again now, on its retry timer: a driver still registering, a worker
\* of that incarnation following no master. The spec's Init has every first registration in flight, and the
\* first start of a process is not traced; a process that starts late (the simulator's drivers) sends its
\* first registration after a master may have crashed, which removed the spec's copy.
Resendable(x) ==
    \/ x.type = "RegisterApplication" /\ dState[x.app] = "REGISTERING"
    \/ x.type = "RegisterWorker" /\ wUp[x.worker] /\ wInc[x.worker] = x.inc /\ wMaster[x.worker] = None

\* The consumed message was in flight (or a registration sent again, untraced); "keep" (the checker saw it
\* delivered again) is the duplicating delivery.
Consumed(e) ==
    /\ e.msg \in msgs \/ Resendable(e.msg)
    /\ IF e.keep THEN e.msg \in msgs' ELSE (e.msg \in msgs' <=> e.msg \in Live(e.sent))

\* Retransmissions. The spec abstracts retransmission timers ("send again when
\* nothing it waits for is in flight"); the implementation resends on a timer
\* (spec/README.md, where the implementation approximates the spec), so a resend
\* may find its message still in flight or already handled. Such a redundant
\* resend changes nothing but the network: it is taken as the same message sent
\* again, which the spec's network can do anyway by duplicating it.
RedundantResend(e) ==
    /\ \/ e.act = "MasterResendExecutorCommand" /\ Leading(e.node)
          /\ \E x \in mExecs[e.node] :
                /\ x.state \in {"LAUNCHING", "KILLING"} /\ mWorkers[e.node][x.worker].state = "ALIVE"
                /\ e.sent = {IF x.state = "LAUNCHING" THEN LaunchCommand(e.node, x)
                             ELSE KillMsg(e.node, x, mWorkers[e.node][x.worker].inc)}
       \/ e.act = "MasterResendApplicationRemoved" /\ Leading(e.node)
          /\ \E a \in Apps : mApps[e.node][a].state = "FINISHED" /\ e.sent = {ToDriver("ApplicationRemoved", e.node, a)}
       \/ e.act = "WorkerSendExecutorStateChanged" /\ wUp[e.node] /\ wMaster[e.node] # None
          /\ \E r \in wReports[e.node] : e.sent = {ReportMessage(e.node, r)}
       \/ e.act = "ExecutorRegisterWithDriver" /\ wUp[e.node]
          /\ \E p \in wExecs[e.node] : p.app = e.exec.app /\ p.id = e.exec.id /\ ~p.registered
       \* A heartbeat answered on the implementation's retry timer while what the spec waits for is in flight
       \* or handled: of a worker the leader does not know (heartbeats sent before the worker got the first
       \* ReconnectWorker, or held by a pause), ReconnectWorker again, to the incarnation that sent them; of a
       \* worker whose executor list a recovering leader lacks, RegisteredWorker, while MasterChanged is on the way.
       \/ e.act = "MasterHandleHeartbeat" /\ Leading(e.node) /\ e.worker \in Workers
          /\ \E inc \in 1..wInc[e.worker] :
                LET entry == mWorkers[e.node][e.worker] IN
                \/ /\ ~(entry.state \in {"ALIVE", "UNKNOWN"} /\ entry.inc = inc)
                   /\ e.sent = {ToWorker("ReconnectWorker", e.node, e.worker, inc)}
                \/ /\ entry.state = "UNKNOWN" /\ entry.inc = inc
                   /\ e.sent = {ToWorker("RegisteredWorker", e.node, e.worker, inc)}
       \* a registration sent again while an answer is on its way
       \/ e.act = "DriverSendRegisterApplication" /\ dState[e.node] = "REGISTERING"
          /\ e.sent = {[type |-> "RegisterApplication", dest |-> m, app |-> e.node] : m \in Masters}
       \/ e.act = "WorkerSendRegisterWorker" /\ wUp[e.node] /\ wMaster[e.node] = None
          /\ e.sent = {[type |-> "RegisterWorker", dest |-> m, worker |-> e.node, inc |-> wInc[e.node]] : m \in Masters}
    /\ msgs' = msgs \cup Live(e.sent)
    /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>
IsResend(e) == e.act \in {"MasterResendExecutorCommand", "MasterResendApplicationRemoved", "WorkerSendExecutorStateChanged",
                          "ExecutorRegisterWithDriver", "MasterHandleHeartbeat", "DriverSendRegisterApplication",
                          "WorkerSendRegisterWorker"}

\* A driver or worker that gives up on the master it follows. The protocol spec has this step when that master
\* is gone (WorkerSendRegisterWorker, DriverSendRegisterApplication) and, as a fault, when it still leads
\* (WorkerSuspectsLiveMaster, DriverSuspectsLiveMaster); the implementation takes a connection that stays
\* broken past a grace period for either. What remains to relax is "no answer it would accept is in flight",
\* which the implementation approximates with a retry timer (spec/README.md). Such a step is those actions
\* without that guard; every other guard and every effect are theirs.
GiveUpOnMaster(e) ==
    LET n == e.node IN
    \/ /\ e.act = "DriverSendRegisterApplication"
       /\ dState[n] = "REGISTERED" /\ dMaster[n] # None
       /\ dState' = [dState EXCEPT ![n] = "REGISTERING"]
       /\ dMaster' = [dMaster EXCEPT ![n] = None]
       /\ SendAll({[type |-> "RegisterApplication", dest |-> m, app |-> n] : m \in Masters})
       /\ UNCHANGED <<zkVars, masterVars, workerVars, dEpoch, dExecs, envVars, historyVars>>
    \/ /\ e.act = "WorkerSendRegisterWorker"
       /\ wUp[n] /\ wMaster[n] # None
       /\ wMaster' = [wMaster EXCEPT ![n] = None]
       /\ SendAll({[type |-> "RegisterWorker", dest |-> m, worker |-> n, inc |-> wInc[n]] : m \in Masters})
       /\ UNCHANGED <<zkVars, masterVars, wUp, wInc, wEpoch, wExecs, wSeen, wReports, driverVars, envVars, historyVars>>
IsGiveUp(e) == e.act \in {"DriverSendRegisterApplication", "WorkerSendRegisterWorker"}

\* The base action an event names, with its parameters fixed by the event.
Action(e) ==
    LET n == e.node
        msg == e.msg
    IN CASE e.act = "MasterElectedLeader" -> MasterElectedLeader(n)
         [] e.act = "MasterRevokedLeadership" -> MasterRevokedLeadership(n)
         [] e.act = "MasterRestart" -> MasterRestart(n)
         [] e.act = "MasterCompleteRecovery" -> MasterCompleteRecovery(n)
         [] e.act = "MasterSchedule" -> MasterSchedule(n)
         [] e.act = "MasterHandleRegisterWorker" -> MasterHandleRegisterWorker(n, msg)
         [] e.act = "MasterHandleWorkerLatestState" -> MasterHandleWorkerLatestState(n, msg)
         [] e.act = "MasterHandleWorkerSchedulerStateResponse" -> MasterHandleWorkerSchedulerStateResponse(n, msg)
         [] e.act = "MasterHandleMasterChangeAcknowledged" -> MasterHandleMasterChangeAcknowledged(n, msg)
         [] e.act = "MasterHandleRegisterApplication" -> MasterHandleRegisterApplication(n, msg)
         [] e.act = "MasterHandleUnregisterApplication" -> MasterHandleUnregisterApplication(n, msg)
         [] e.act = "MasterHandleRequestExecutors" -> MasterHandleRequestExecutors(n, msg)
         [] e.act = "MasterHandleKillExecutors" -> MasterHandleKillExecutors(n, msg)
         [] e.act = "MasterHandleExecutorStateChanged" -> MasterHandleExecutorStateChanged(n, msg)
         [] e.act = "MasterWorkerTimeout" -> \E w \in Workers : MasterWorkerTimeout(n, w)
         [] e.act = "MasterHandleHeartbeat" -> MasterHandleHeartbeat(n, e.worker)
         [] e.act = "MasterHandleDriverDisconnected" -> \E a \in Apps : MasterHandleDriverDisconnected(n, a)
         [] e.act = "MasterResendExecutorCommand" -> \E x \in mExecs[n] : MasterResendExecutorCommand(n, x)
         [] e.act = "MasterResendApplicationRemoved" -> \E a \in Apps : MasterResendApplicationRemoved(n, a)
         [] e.act = "WorkerRestart" -> WorkerRestart(n)
         [] e.act = "WorkerSendRegisterWorker" -> WorkerSendRegisterWorker(n)
         [] e.act = "WorkerHandleRegisteredWorker" -> WorkerHandleRegisteredWorker(n, msg)
         [] e.act = "WorkerHandleReconnectWorker" -> WorkerHandleReconnectWorker(n, msg)
         [] e.act = "WorkerHandleMasterChanged" -> WorkerHandleMasterChanged(n, msg)
         [] e.act = "WorkerHandleLaunchExecutor" -> WorkerHandleLaunchExecutor(n, msg)
         [] e.act = "WorkerHandleKillExecutor" -> WorkerHandleKillExecutor(n, msg)
         [] e.act = "WorkerHandleExecutorStateChangedAck" -> WorkerHandleExecutorStateChangedAck(n, msg)
         [] e.act = "WorkerSendExecutorStateChanged" -> \E r \in wReports[n] : WorkerSendExecutorStateChanged(n, r)
         [] e.act = "WorkerReportExecutorRunning" -> \E p \in wExecs[n] : WorkerReportExecutorRunning(n, p)
         [] e.act = "ExecutorExit" -> \E p \in wExecs[n], normal \in BOOLEAN : ExecutorExit(n, p, normal)
         [] e.act = "ExecutorDriverGone" -> \E p \in wExecs[n] : ExecutorDriverGone(n, p)
         [] e.act = "ExecutorRegisterWithDriver" ->
                \E p \in wExecs[n] : p.app = e.exec.app /\ p.id = e.exec.id /\ ExecutorRegisterWithDriver(n, p)
         [] e.act = "ExecutorHandleRegisteredExecutor" -> ExecutorHandleRegisteredExecutor(n, msg)
         [] e.act = "DriverSendRegisterApplication" -> DriverSendRegisterApplication(n)
         [] e.act = "DriverHandleRegisteredApplication" -> DriverHandleRegisteredApplication(n, msg)
         [] e.act = "DriverHandleMasterChanged" -> DriverHandleMasterChanged(n, msg)
         [] e.act = "DriverHandleApplicationRemoved" -> DriverHandleApplicationRemoved(n, msg)
         [] e.act = "DriverHandleRegisterExecutor" -> DriverHandleRegisterExecutor(n, msg)
         [] e.act = "DriverHandleExecutorAdded" -> DriverHandleExecutorAdded(n, msg)
         [] e.act = "DriverHandleExecutorUpdated" -> DriverHandleExecutorUpdated(n, msg)
         [] e.act = "DriverStop" -> DriverStop(n)
         [] e.act = "DriverRequestExecutors" -> DriverRequestExecutors(n, e.total)
         [] e.act = "DriverKillExecutor" -> \E id \in dExecs[n] : DriverKillExecutor(n, id)
         [] e.act = "NetDrop" -> IF msg \in msgs THEN NetDrop(msg) ELSE UNCHANGED vars
         [] OTHER -> FALSE

\* The event at the cursor happens, exactly as logged.
EventStep ==
    /\ l <= Len(TraceLog)
    /\ LET e == Ev IN
       /\ \/ Action(e)
          \/ IsResend(e) /\ RedundantResend(e)
          \/ IsGiveUp(e) /\ GiveUpOnMaster(e)
       /\ IF e.act = "NetDrop" THEN TRUE
          ELSE /\ IF e.hasMsg THEN Consumed(e) ELSE TRUE
               /\ SentMatches(e)
               /\ Pinned(e)
    /\ l' = l + 1
    /\ hidden' = 0
    /\ UNCHANGED diag

\* What the implementation does not trace: the coordination service ending a
\* session, a process crashing, a driver going away. Each only right before an
\* event that cannot happen without it, and at most MaxHidden in a row.
\* (Gating on ~ENABLED EventStep would be more general, but TLC 2.18 evaluates
\* ENABLED of MasterSchedule's allocation operator far too slowly.)
NeedsLeaderGone(e) == e.act = "MasterElectedLeader" /\ zkLeader # None
NeedsLeaseLost(e) == e.act = "MasterRevokedLeadership" /\ HoldsLease(e.node)
NeedsMasterDown(e) == e.act = "MasterRestart" /\ mState[e.node] # "DOWN"
NeedsWorkerDown(e) == e.act = "WorkerRestart" /\ wUp[e.node]
\* a registration that no traced event sent (a process's first, sent at its start) and that the spec's network
\* does not hold (the spec's Init has it in flight from the start, and a crash of its receiver removed it, or it
\* is delivered twice): its receipt shows it was sent, so it is put in flight as the sender's untraced send
\* (of a driver, or of an incarnation of the worker that has existed)
NeedsUntracedSend(e) == e.hasMsg /\ e.untraced /\ e.msg \notin msgs
                        /\ \/ e.msg.type = "RegisterApplication"
                           \/ e.msg.type = "RegisterWorker" /\ e.msg.inc <= wInc[e.msg.worker]
\* an app's driver connection closed: in the spec only once the driver is DONE
GoneDrivers(e) ==
    CASE e.act = "MasterHandleDriverDisconnected" -> {a \in Apps : dState[a] # "DONE"}
      [] e.act = "ExecutorDriverGone" -> {p.app : p \in wExecs[e.node]} \cap {a \in Apps : dState[a] # "DONE"}
      [] OTHER -> {}
HiddenStep ==
    /\ l <= Len(TraceLog)
    /\ hidden < MaxHidden
    /\ LET e == Ev IN
       \/ NeedsLeaderGone(e) /\ ZkSessionExpired(zkLeader)
       \/ NeedsLeaseLost(e) /\ ZkSessionExpired(e.node)
       \/ NeedsMasterDown(e) /\ MasterCrash(e.node)
       \/ NeedsWorkerDown(e) /\ WorkerCrash(e.node)
       \/ NeedsUntracedSend(e) /\ msgs' = msgs \cup {e.msg}
          /\ UNCHANGED <<zkVars, masterVars, workerVars, driverVars, envVars, historyVars>>
       \/ \E a \in GoneDrivers(e) : DriverStop(a)
    /\ hidden' = hidden + 1
    /\ UNCHANGED <<l, diag>>

\* A node's variable (unprimed) and the variables of its role, for diagnosis.
NodeVal(e, v) == CASE e.role = "master" -> MasterOld(v, e.node) [] e.role = "worker" -> WorkerOld(v, e.node)
                   [] e.role = "driver" -> DriverOld(v, e.node) [] OTHER -> "?"
RoleVarNames(e) == CASE e.role = "master" -> MasterVarNames [] e.role = "worker" -> WorkerVarNames
                     [] e.role = "driver" -> DriverVarNames [] OTHER -> {}

\* Diagnosis only (DiagnoseAt > 0): the rejected event's action without the
\* logged outcome, to show what the spec would have done instead.
LooseStep ==
    /\ l = DiagnoseAt
    /\ LET e == Ev IN
       /\ Action(e)
       /\ diag' = [added |-> msgs' \ msgs, inFlight |-> e.hasMsg => e.msg \in msgs,
                   old |-> [v \in RoleVarNames(e) |-> NodeVal(e, v)]]
    /\ l' = l + 1
    /\ UNCHANGED hidden

TraceInit == Init /\ l = 1 /\ hidden = 0 /\ diag = <<>>
TraceNext == EventStep \/ HiddenStep \/ LooseStep
TraceSpec == TraceInit /\ [][TraceNext]_traceVars

\* The checker reads these lines: progress (each new event matched) and the verdict.
Progress == l > 1 /\ l > TLCGet(1) => PrintT(<<"TRACE-PROGRESS", l - 1>>) /\ TLCSet(1, l)
Accepted == DiagnoseAt = 0 /\ l > Len(TraceLog) => PrintT("TRACE-ACCEPTED") /\ TLCSet("exit", TRUE)

\* Diagnosis: the spec state before the rejected event, then (if the action is
\* possible at all) each logged variable whose value the spec would not give.
ShowState == l = DiagnoseAt => PrintT(<<"TRACE-STATE", hidden, [zkLeader |-> zkLeader, zkEpoch |-> zkEpoch,
    storeApp |-> storeApp, storeWorker |-> storeWorker, mState |-> mState, mEpoch |-> mEpoch, mApps |-> mApps,
    mAppOrder |-> mAppOrder, mWorkers |-> mWorkers, mWorkerOrder |-> mWorkerOrder, mExecs |-> mExecs,
    wUp |-> wUp, wInc |-> wInc, wMaster |-> wMaster, wEpoch |-> wEpoch, wExecs |-> wExecs, wSeen |-> wSeen,
    wReports |-> wReports, dState |-> dState, dMaster |-> dMaster, dEpoch |-> dEpoch, dExecs |-> dExecs,
    msgs |-> msgs]>>)
ShowDiff == DiagnoseAt > 0 /\ l = DiagnoseAt + 1 /\ diag # <<>> =>
    LET e == TraceLog[DiagnoseAt] IN
    /\ PrintT(<<"TRACE-OUTCOME", diag.inFlight>>)
    /\ \A v \in RoleVarNames(e) : (NodeVal(e, v) # Expected(e, v, diag.old[v])) =>
          PrintT(<<"TRACE-DIFF", v, Expected(e, v, diag.old[v]), NodeVal(e, v)>>)
    /\ (diag.added # Live(e.sent)) => PrintT(<<"TRACE-DIFF", "sent", e.sent, diag.added>>)
ASSUME TLCSet(1, 1)

TraceView == <<vars, l>>
=============================================================================
