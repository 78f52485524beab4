package org.xenoscope.machine;

/** Why {@link Machine#run} returned. */
public enum StopReason {
    /** HLT with interrupts disabled (or with nothing left that could wake the CPU). */
    HALTED,
    /** The guest wrote to the isa-debug-exit port; {@link RunResult#exitStatus()} holds (v << 1) | 1. */
    DEBUG_EXIT,
    /** The instruction budget ran out. */
    INSTRUCTION_LIMIT,
    /** A fault while delivering a double fault: the CPU shut down. */
    TRIPLE_FAULT,
    /** {@link Machine#requestStop()} was called (from any thread). */
    STOP_REQUESTED
}
