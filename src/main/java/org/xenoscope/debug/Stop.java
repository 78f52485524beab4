package org.xenoscope.debug;

/** Why the engine stopped, where (cycles) and a detail line for the user. */
public record Stop(Reason reason, long cycles, String detail) {
    /** Stop reasons. */
    public enum Reason {
        STEP, BREAKPOINT, WATCHPOINT, HYPERCALL, EXCEPTION, EVENT, SWITCH, KILL, REFUSED, ADDRESS, RETURNED,
        PAUSED, LIMIT, FINISHED, TRAVELLED, START
    }

    @Override
    public String toString() {
        return reason.name().toLowerCase() + " at cycle " + cycles + (detail.isEmpty() ? "" : ": " + detail);
    }
}
