package org.xenoscope.xen.abi;

/** Port states reported by {@code EVTCHNOP_status} ({@code evtchn_status.status}). */
public final class EvtchnStat {
    private EvtchnStat() {
    }

    /** The port is free. */
    public static final int EVTCHNSTAT_CLOSED = 0;
    /** Allocated, waiting for a connection from the allowed remote domain. */
    public static final int EVTCHNSTAT_UNBOUND = 1;
    /** Connected to a port of another (or the same) domain. */
    public static final int EVTCHNSTAT_INTERDOMAIN = 2;
    /** Bound to a physical IRQ. */
    public static final int EVTCHNSTAT_PIRQ = 3;
    /** Bound to a virtual IRQ. */
    public static final int EVTCHNSTAT_VIRQ = 4;
    /** Bound as an inter-processor interrupt. */
    public static final int EVTCHNSTAT_IPI = 5;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(EvtchnStat.class, "EVTCHNSTAT_");
}
