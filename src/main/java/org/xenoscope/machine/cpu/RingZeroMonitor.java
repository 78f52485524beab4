package org.xenoscope.machine.cpu;

/**
 * Java code that stands in for ring 0 — a hypervisor. When one is installed ({@link Cpu#setRingZeroMonitor}),
 * every event whose IDT gate leads to a ring-0 code segment reaches {@link #enter} instead of the CPU building a
 * frame on a ring-0 stack: the gate has been read and checked as hardware does (present, type, and for INT n the
 * gate's DPL against CPL, which turns a refused INT n into #GP((n&lt;&lt;3)|2) first), and nothing else happened.
 * Gates that lead to ring 1, 2 or 3 are delivered by the CPU as usual — that is how a guest's fast system-call
 * gate avoids the hypervisor.
 *
 * <p>Contract of {@link #enter}: called on the simulation thread with the interrupted context intact (general
 * registers, segment registers, EFLAGS, CPL; EIP as the event left it, see {@code returnEip}; CR2 already set for a
 * page fault). The monitor may change any state (typically through {@link Cpu#enterGuest}) and must not throw.
 * SIMPLIFICATION: entering and leaving the monitor takes no virtual time of its own.
 */
public interface RingZeroMonitor {
    /** What raised the event. */
    enum Kind {
        /** A fault or abort raised by an instruction: {@code returnEip} is the faulting instruction. */
        FAULT,
        /** A trap-class exception (single-step #DB): {@code returnEip} is the next instruction. */
        TRAP,
        /** INT n, INT3, INTO: {@code returnEip} is the instruction after it. */
        SOFTWARE,
        /** A hardware interrupt from the interrupt controller. */
        EXTERNAL
    }

    /**
     * The event {@code vector} arrived for ring 0. {@code errorCode} is meaningful when {@code hasErrorCode}.
     */
    void enter(int vector, Kind kind, boolean hasErrorCode, int errorCode, int returnEip);
}
