/**
 * The PC devices around the CPU: the interrupt controller pair, the interval timer, a serial port and QEMU's
 * debug-exit port.
 *
 * <pre>
 *   device       class        I/O ports                       interrupt
 *   8259A pair   Pic8259      0x20-0x21 (master)              INTR to the CPU (InterruptController)
 *                             0xA0-0xA1 (slave, on IR2)
 *   8254 PIT     Pit8254      0x40-0x43, 0x61 (port B)        counter 0 -> IRQ0
 *   16550A UART  Uart16550    base..base+7 (COM1: 0x3F8)      the IRQ given (COM1: IRQ4), gated by MCR OUT2
 *   debug exit   DebugExit    0xF4-0xF7                       none: a write ends the run
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>Virtual time only. Devices read time from {@link org.xenoscope.machine.clock.VirtualClock} and act later
 *       only through its timers; nothing here reads the wall clock, sleeps or starts a thread. Given the same
 *       guest and the same input, a run is identical to the cycle.</li>
 *   <li>Simulation thread only. Every method (port accesses, {@code raiseIrq}, {@code offerInput}, timer
 *       actions) runs on the thread that owns the machine; nothing is synchronised. Other threads must post
 *       commands to that thread.</li>
 *   <li>Timer arithmetic is exact: the PIT computes each deadline from its epoch and a tick count
 *       (cycles = ticks * HZ / 1 193 182, rounded down), never by adding rounded periods.</li>
 *   <li>Each device claims its ports with {@link org.xenoscope.machine.mem.IoBus#map} once; a port claimed twice
 *       is a wiring error.</li>
 * </ul>
 *
 * <p>Power-on state: the PIC pair starts as a BIOS leaves it (vectors 0x08 and 0x70, cascade on IR2) with every
 * line masked except the cascade; the PIT counts nothing until programmed; the UART has interrupts disabled and
 * OUT2 off.
 *
 * <p>What is simplified (each class has its {@code SIMPLIFICATION:} notes): the PIC always uses 8086 vectors and
 * a fixed cascade on IR2; the PIT counts in binary even with BCD set and loads counts the instant they are
 * written; the UART transmits instantly at any baud rate, never overruns, and has no FIFO trigger levels; port
 * accesses wider than a byte act on the addressed port only (except the debug-exit port, which takes any size).
 */
package org.xenoscope.machine.dev;
