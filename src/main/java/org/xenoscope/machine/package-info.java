/**
 * The bare machine: a 32-bit PC with an i686-class CPU, RAM, an I/O-port bus, an interrupt controller, a timer,
 * a serial port and a debug-exit port, wired together by {@code Machine}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The machine knows nothing of Xen. Nothing here depends on {@code org.xenoscope.xen} or any package built
 *       on it (asm, dom0, debug, lesson, gui, cli); {@code ArchitectureTest} fails the build if it does. The
 *       hypervisor drives the machine through its public API, as real Xen drives real hardware.</li>
 *   <li>One simulation thread owns a machine. Only that thread calls into it; the single exception is
 *       {@code Machine.requestStop()}, which any thread may call. There is no locking inside.</li>
 *   <li>Time is virtual: cycles counted by {@link org.xenoscope.machine.clock.VirtualClock}. Nothing in the
 *       machine reads the wall clock, sleeps, or uses an unseeded random source.</li>
 *   <li>Runs are deterministic: the same image, configuration and input give the same instructions, the same
 *       device output and the same cycle counts, every time. Golden traces, differential tests and reverse
 *       step all rely on this.</li>
 *   <li>No static mutable state: any number of machines can exist side by side in one JVM.</li>
 * </ul>
 */
package org.xenoscope.machine;
