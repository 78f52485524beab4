/**
 * Virtual time: the number of cycles the CPU has executed, and a queue of timers due at absolute cycles.
 *
 * <p>Invariants: one instruction is one cycle and the nominal frequency is 1 GHz, so one cycle is one nanosecond
 * of guest time (SIMPLIFICATION: no instruction costs more than another). Time never goes backwards and never
 * depends on the wall clock. Timers due at the same cycle fire in the order they were scheduled, always on the
 * simulation thread, so devices, the scheduler and every trace are reproducible to the instruction.
 */
package org.xenoscope.machine.clock;
