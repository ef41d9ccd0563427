------------------------------- MODULE Counter -------------------------------
(* A toy spec for the tests of the TLC runner, not part of the protocol.       *)
(* A counter that owners increment up to Max and that resets to 0; it is made *)
(* to produce each kind of TLC verdict (see models/).                          *)
EXTENDS Naturals, Sequences
CONSTANTS Max, Procs
ASSUME MaxIsPositive == Max > 0

VARIABLES x, owner, hist
vars == <<x, owner, hist>>

Init == x = 0 /\ owner = [p \in Procs |-> "none"] /\ hist = <<>>
Inc(p) == x < Max /\ x' = x + 1 /\ owner' = [owner EXCEPT ![p] = "held"] /\ hist' = Append(hist, x)
Reset == x = Max /\ x' = 0 /\ owner' = [p \in Procs |-> "none"] /\ hist' = <<>>
Next == (\E p \in Procs : Inc(p)) \/ Reset

Spec == Init /\ [][Next]_vars /\ WF_vars(Next)
SpecWithoutFairness == Init /\ [][Next]_vars
IncOnly == \E p \in Procs : Inc(p)

TypeOK == x \in 0..Max /\ Len(hist) = x
BelowThree == x < 3                    \* fails at depth 3 (the 4th state)
EventuallyMax == <>(x = Max)           \* holds under fairness, fails by stuttering without it
BeyondMax == <>(x = Max + 1)           \* never: the counterexample loops back to the start
NeverDecreases == [][x' >= x]_vars     \* an action property, broken by Reset
==============================================================================
