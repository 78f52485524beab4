package org.xenoscope.xen.abi;

/** Sub-commands of {@code sched_op} (#29, argument a pointer) and {@code sched_op_compat} (#6, argument direct). */
public final class SchedOp {
    private SchedOp() {
    }

    /** Give up the CPU but stay runnable. */
    public static final int SCHEDOP_YIELD = 0;
    /** Sleep until an event is pending; re-enables event delivery (clears the upcall mask) first. */
    public static final int SCHEDOP_BLOCK = 1;
    /** Stop all VCPUs and tell dom0 why; #29 passes a {@code sched_shutdown}, #6 the reason itself. */
    public static final int SCHEDOP_SHUTDOWN = 2;
    /** Block until one of a list of event-channel ports is pending, or a timeout ({@code sched_poll}). */
    public static final int SCHEDOP_POLL = 3;
    /** Shut down another domain (privileged; {@code sched_remote_shutdown}). */
    public static final int SCHEDOP_REMOTE_SHUTDOWN = 4;
    /** Record a shutdown code without shutting down yet. */
    public static final int SCHEDOP_SHUTDOWN_CODE = 5;
    /** Arm, pet or stop a domain watchdog. */
    public static final int SCHEDOP_WATCHDOG = 6;
    /** Override the CPU pinning (privileged). */
    public static final int SCHEDOP_PIN_OVERRIDE = 7;

    /** The family as a table, for trace decoding. */
    public static final ConstantSet NAMES = ConstantSet.of(SchedOp.class, "SCHEDOP_");
}
