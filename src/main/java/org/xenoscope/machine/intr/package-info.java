/**
 * The vocabulary of exceptions and interrupts: vectors numbered and named as in the Intel SDM Vol. 3 §6.3
 * ({@code #DE} = 0 ... {@code #PF} = 14), which of them push an error code, which are contributory (two in a row
 * make a double fault), the {@link org.xenoscope.machine.intr.CpuFault} an instruction throws, and what the CPU
 * sees of an external interrupt controller (the INTR line and the acknowledge cycle).
 *
 * <p>Invariants: a fault is ordinary control flow for a guest, not an error of the simulator, so
 * {@code CpuFault} carries no stack trace. The CPU delivers faults and interrupts through the guest's IDT; a
 * fault during the delivery of a contributory fault becomes #DF, and a fault while delivering #DF is a triple
 * fault, which stops the machine.
 */
package org.xenoscope.machine.intr;
