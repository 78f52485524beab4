package org.xenoscope.xen.abi;

/** Reasons of {@code SCHEDOP_shutdown} ({@code sched_shutdown.reason}). */
public final class ShutdownReason {
    private ShutdownReason() {
    }

    /** Domain exited normally: clean up and kill. */
    public static final int SHUTDOWN_POWEROFF = 0;
    /** Clean up, kill, and then restart. */
    public static final int SHUTDOWN_REBOOT = 1;
    /** Clean up, save suspend info, kill; EDX must hold the start_info MFN. */
    public static final int SHUTDOWN_SUSPEND = 2;
    /** Tell the controller the domain crashed. */
    public static final int SHUTDOWN_CRASH = 3;
    /** Restart because the watchdog timed out. */
    public static final int SHUTDOWN_WATCHDOG = 4;
    /** Reset the domain's state but keep its memory (kexec-style). */
    public static final int SHUTDOWN_SOFT_RESET = 5;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(ShutdownReason.class, "SHUTDOWN_");
}
