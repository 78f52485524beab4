package org.xenoscope.xen.abi;

/** Virtual IRQs for {@code EVTCHNOP_bind_virq} (current Xen numbering; Xen 3.0 differs from 4 on). */
public final class VirqNumbers {
    private VirqNumbers() {
    }

    /** Per VCPU: the one-shot timer of set_timer_op fired. */
    public static final int VIRQ_TIMER = 0;
    /** Per VCPU: a debug request (e.g. from the Xen console). */
    public static final int VIRQ_DEBUG = 1;
    /** Global: bytes are waiting on the hypervisor console (dom0). */
    public static final int VIRQ_CONSOLE = 2;
    /** Global: some domain had an exceptional event, e.g. it crashed (dom0). */
    public static final int VIRQ_DOM_EXC = 3;
    /** Global: the trace buffer is half full. */
    public static final int VIRQ_TBUF = 4;
    /** Global: a domain hit a debugger trap. */
    public static final int VIRQ_DEBUGGER = 6;
    /** Per VCPU: profiling samples are ready. */
    public static final int VIRQ_XENOPROF = 7;
    /** Global: the hypervisor console ring has new data. */
    public static final int VIRQ_CON_RING = 8;
    /** Global: a physical CPU changed state. */
    public static final int VIRQ_PCPU_STATE = 9;
    /** Global: a memory event is waiting. */
    public static final int VIRQ_MEM_EVENT = 10;
    /** Per VCPU: Argo interdomain message. */
    public static final int VIRQ_ARGO = 11;
    /** Global: the hypervisor is short of memory. */
    public static final int VIRQ_ENOMEM = 12;
    /** Per VCPU: PMU interrupt. */
    public static final int VIRQ_XENPMU = 13;
    /** First architecture-specific VIRQ (ARCH_0..ARCH_7 = 16..23). */
    public static final int VIRQ_ARCH_0 = 16;
    /** Number of VIRQs. */
    public static final int NR_VIRQS = 24;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(VirqNumbers.class, "VIRQ_");
}
