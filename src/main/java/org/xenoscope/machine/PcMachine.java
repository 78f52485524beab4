package org.xenoscope.machine;

import org.xenoscope.machine.dev.DebugExit;
import org.xenoscope.machine.dev.Pic8259;
import org.xenoscope.machine.dev.Pit8254;
import org.xenoscope.machine.dev.Uart16550;

/**
 * A {@link Machine} with the PC devices wired as on an ISA PC (and as QEMU's {@code -M pc} with
 * {@code -device isa-debug-exit,iobase=0xf4,iosize=0x04}):
 *
 * <pre>
 *   device           ports          interrupt
 *   8259A pair       0x20, 0xA0     INTR -> CPU (the CPU's interrupt controller)
 *   8254 PIT         0x40-0x43,0x61 counter 0 -> IRQ0
 *   16550A COM1      0x3F8-0x3FF    IRQ4
 *   isa-debug-exit   0xF4-0xF7      a write ends the run: status (v << 1) | 1
 * </pre>
 *
 * COM1 output goes nowhere until {@link Uart16550#setOutput} is called.
 */
public class PcMachine extends Machine {
    /** COM1's base port and ISA interrupt line. */
    public static final int COM1_BASE = 0x3F8;
    public static final int COM1_IRQ = 4;

    private final Pic8259 pic;
    private final Pit8254 pit;
    private final Uart16550 com1;

    /** A PC with {@code memoryBytes} of RAM and the devices above, all in their power-on state. */
    public PcMachine(int memoryBytes) {
        super(memoryBytes);
        pic = new Pic8259(() -> cpu().core().attention());
        pic.map(io());
        cpu().setInterruptController(pic);
        pit = new Pit8254(clock(), pic);
        pit.map(io());
        com1 = new Uart16550(pic, COM1_IRQ);
        com1.map(io(), COM1_BASE);
        new DebugExit(this::exit).map(io());
    }

    public Pic8259 pic() {
        return pic;
    }

    public Pit8254 pit() {
        return pit;
    }

    public Uart16550 com1() {
        return com1;
    }
}
