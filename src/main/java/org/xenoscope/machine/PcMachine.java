package org.xenoscope.machine;

import java.util.function.IntConsumer;
import org.xenoscope.machine.dev.DebugExit;
import org.xenoscope.machine.dev.Pic8259;
import org.xenoscope.machine.dev.Pit8254;
import org.xenoscope.machine.dev.Uart16550;

/**
 * A {@link Machine} with the PC devices wired as on a PC (and as QEMU's {@code -M isapc} with
 * {@code -device isa-debug-exit,iobase=0xf4,iosize=0x04}):
 *
 * <pre>
 *   ports 0x20-0x21, 0xA0-0xA1  8259A PIC pair  -> CPU INTR
 *   ports 0x40-0x43, 0x61       8254 PIT        -> IRQ 0
 *   ports 0x3F8-0x3FF           16550A COM1     -> IRQ 4
 *   ports 0xF4-0xF7             isa-debug-exit  -> ends the run with status (v << 1) | 1
 * </pre>
 */
public final class PcMachine extends Machine {
    public static final int COM1 = 0x3F8;
    public static final int COM1_IRQ = 4;

    private final Pic8259 pic;
    private final Pit8254 pit;
    private final Uart16550 com1;

    /** A PC with {@code memoryBytes} of RAM; COM1 output is discarded until {@link #setConsole} is called. */
    public PcMachine(int memoryBytes) {
        super(memoryBytes);
        pic = new Pic8259(() -> cpu().core().attention());
        pic.map(io());
        cpu().setInterruptController(pic);
        pit = new Pit8254(clock(), pic);
        pit.map(io());
        com1 = new Uart16550(pic, COM1_IRQ);
        com1.map(io(), COM1);
        new DebugExit(this::exit).map(io());
    }

    /** Where COM1's transmitted bytes go. */
    public void setConsole(IntConsumer out) {
        com1.setOutput(out);
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
