package org.xenoscope.xen.abi;

/** Commands of {@code event_channel_op(cmd, arg)} (#32; #16 wraps them in {@code evtchn_op_t}). */
public final class EvtchnOp {
    private EvtchnOp() {
    }

    /** Connect to an UNBOUND port of another domain; OUT local_port. */
    public static final int EVTCHNOP_BIND_INTERDOMAIN = 0;
    /** Bind a virtual IRQ ({@link VirqNumbers}) on a VCPU; OUT port. */
    public static final int EVTCHNOP_BIND_VIRQ = 1;
    /** Bind a physical IRQ (I/O-capable domains only); OUT port. */
    public static final int EVTCHNOP_BIND_PIRQ = 2;
    /** Close a port; an INTERDOMAIN peer goes back to UNBOUND. */
    public static final int EVTCHNOP_CLOSE = 3;
    /** Notify the other end of a port. */
    public static final int EVTCHNOP_SEND = 4;
    /** Query a port's state ({@link EvtchnStat}). */
    public static final int EVTCHNOP_STATUS = 5;
    /** Allocate a port that accepts a connection from remote_dom; OUT port. */
    public static final int EVTCHNOP_ALLOC_UNBOUND = 6;
    /** Bind a port to a VCPU of the same domain (inter-processor interrupt); OUT port. */
    public static final int EVTCHNOP_BIND_IPI = 7;
    /** Change the VCPU a port notifies. */
    public static final int EVTCHNOP_BIND_VCPU = 8;
    /** Clear a port's mask bit and re-deliver a pending edge (Xen 3.0.2 on). */
    public static final int EVTCHNOP_UNMASK = 9;
    /** Close all ports of a domain. */
    public static final int EVTCHNOP_RESET = 10;
    /** FIFO ABI: register the control block. */
    public static final int EVTCHNOP_INIT_CONTROL = 11;
    /** FIFO ABI: add an event array page. */
    public static final int EVTCHNOP_EXPAND_ARRAY = 12;
    /** FIFO ABI: set a port's priority. */
    public static final int EVTCHNOP_SET_PRIORITY = 13;

    /** {@code evtchn_bind_pirq.flags}: the PIRQ may be shared with other domains. */
    public static final int BIND_PIRQ__WILL_SHARE = 1;
    /** Ports of the 2-level ABI on 32-bit: 32 words of 32 bits; port 0 is reserved. */
    public static final int NR_EVENT_CHANNELS = 1024;

    /** The commands as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(EvtchnOp.class, "EVTCHNOP_");
}
