package org.xenoscope.machine.dev;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.IoDevice;

/**
 * A 16550A UART (National Semiconductor PC16550D data sheet), wired as a PC serial port.
 *
 * <pre>
 *  offset  DLAB=0 read   DLAB=0 write   DLAB=1
 *    0     RBR           THR            DLL (divisor latch, low byte)
 *    1     IER           IER            DLM (divisor latch, high byte)
 *    2     IIR           FCR
 *    3     LCR           LCR
 *    4     MCR           MCR
 *    5     LSR           (ignored)
 *    6     MSR           (ignored)
 *    7     SCR           SCR
 * </pre>
 *
 * Transmission is instantaneous in virtual time: a byte written to THR goes to the output consumer at once, so
 * THR and the transmitter are always empty (LSR THRE and TEMT always set). Received bytes wait in an unbounded
 * input queue that plays the role of the receive FIFO. The interrupt output reaches the PIC only while MCR OUT2
 * is set and loopback is off, as on a PC; the line is driven on every change, so the PIC sees its edges.
 *
 * <p>In loopback (MCR bit 4) THR bytes go to the receive queue instead of the output, MSR follows MCR
 * (CTS=RTS, DSR=DTR, RI=OUT1, DCD=OUT2), and setting LCR's break bit receives a break (LSR BI and a 0 byte).
 * Outside loopback the modem lines read as a connected terminal: CTS, DSR and DCD asserted, RI not.
 *
 * <p>SIMPLIFICATION: the divisor, word length, parity and stop bits are stored but have no effect (every byte is
 * sent as 8 bits, instantly); the receive FIFO trigger level and character timeout are not modelled (RDA is
 * reported whenever input is waiting); there is no overrun, parity or framing error; a wider-than-byte access
 * acts on the addressed register only. Power-on divisor is 12 (9600 baud) so DLL/DLM read something sensible.
 */
public final class Uart16550 {
    static final int IER_ERBFI = 0x01;   // received data available
    static final int IER_ETBEI = 0x02;   // transmitter holding register empty
    static final int IER_ELSI = 0x04;    // receiver line status
    static final int IER_EDSSI = 0x08;   // modem status

    static final int IIR_NONE = 0x01;
    static final int IIR_RLS = 0x06;
    static final int IIR_RDA = 0x04;
    static final int IIR_THRE = 0x02;
    static final int IIR_MSR = 0x00;
    static final int IIR_FIFO = 0xC0;

    static final int LCR_BREAK = 0x40;
    static final int LCR_DLAB = 0x80;

    static final int MCR_DTR = 0x01;
    static final int MCR_RTS = 0x02;
    static final int MCR_OUT1 = 0x04;
    static final int MCR_OUT2 = 0x08;
    static final int MCR_LOOP = 0x10;

    static final int LSR_DR = 0x01;
    static final int LSR_BI = 0x10;
    static final int LSR_THRE = 0x20;
    static final int LSR_TEMT = 0x40;
    static final int LSR_FIFO_ERROR = 0x80;

    /** MSR bits 7-4 as seen outside loopback: DCD, DSR and CTS asserted. */
    static final int MSR_CONNECTED = 0xB0;

    private final Pic8259 pic;
    private final int irq;
    private IntConsumer output = b -> { };
    private final ArrayDeque<Integer> rx = new ArrayDeque<>();

    private int ier;
    private int lcr;
    private int mcr;
    private int scr;
    private int dll = 12;
    private int dlm;
    private boolean fifoEnabled;
    private boolean threPending;
    private int lineErrors;            // LSR error bits (only BI can occur) until LSR is read
    private int msrDeltas;             // MSR bits 3-0 until MSR is read
    private boolean irqLine;

    /** A UART whose interrupt output drives ISA line {@code irq} of {@code pic}. */
    public Uart16550(Pic8259 pic, int irq) {
        this.pic = pic;
        this.irq = irq;
    }

    /** Claims ports base..base+7 (0x3F8 for COM1). */
    public void map(IoBus bus, int base) {
        bus.map(base, 8, new IoDevice() {
            @Override
            public int in(int port, int size) {
                return read((port - base) & 7);
            }

            @Override
            public void out(int port, int size, int value) {
                write((port - base) & 7, value & 0xFF);
            }
        });
    }

    /** Receives every transmitted byte (0..255), in order. */
    public void setOutput(IntConsumer out) {
        this.output = out;
    }

    /** Queues bytes on the receive line; the guest reads them from RBR in order. */
    public void offerInput(byte[] data) {
        for (byte b : data) {
            rx.add(b & 0xFF);
        }
        updateIrq();
    }

    /** True while received bytes wait for the guest to read them. */
    public boolean hasPendingInput() {
        return !rx.isEmpty();
    }

    private boolean dlab() {
        return (lcr & LCR_DLAB) != 0;
    }

    /** A register read; reading RBR, IIR (when it shows THRE), LSR and MSR has side effects. */
    private int read(int reg) {
        return switch (reg) {
            case 0 -> dlab() ? dll : readRbr();
            case 1 -> dlab() ? dlm : ier;
            case 2 -> readIir();
            case 3 -> lcr;
            case 4 -> mcr;
            case 5 -> readLsr();
            case 6 -> readMsr();
            default -> scr;
        };
    }

    private void write(int reg, int v) {
        switch (reg) {
            case 0 -> {
                if (dlab()) {
                    dll = v;
                } else {
                    writeThr(v);
                }
            }
            case 1 -> {
                if (dlab()) {
                    dlm = v;
                } else {
                    writeIer(v);
                }
            }
            case 2 -> writeFcr(v);
            case 3 -> writeLcr(v);
            case 4 -> writeMcr(v);
            case 7 -> scr = v;
            default -> { }
        }
    }

    private int readRbr() {
        Integer b = rx.poll();
        updateIrq();
        return b == null ? 0 : b;
    }

    /**
     * IIR: the highest-priority pending interrupt (bit 0 clear when one is pending).
     * <pre>
     *    7    6     5   4    3    2    1    0
     * +------+-----+---+---+----+----+----+------+
     * | FIFOs on   | 0 | 0 | interrupt ID | /INT |
     * +------+-----+---+---+----+----+----+------+
     *   0110 line status > 0100 received data > 0010 THR empty > 0000 modem status; 0001 none
     * </pre>
     * Reading it while it shows THR empty clears that interrupt.
     */
    private int readIir() {
        int id = pendingInterrupt();
        if (id == IIR_THRE) {
            threPending = false;
            updateIrq();
        }
        return id | (fifoEnabled ? IIR_FIFO : 0);
    }

    /** The IIR identification of the highest-priority enabled and pending interrupt, or {@link #IIR_NONE}. */
    private int pendingInterrupt() {
        if ((ier & IER_ELSI) != 0 && lineErrors != 0) {
            return IIR_RLS;
        }
        if ((ier & IER_ERBFI) != 0 && !rx.isEmpty()) {
            return IIR_RDA;
        }
        if ((ier & IER_ETBEI) != 0 && threPending) {
            return IIR_THRE;
        }
        if ((ier & IER_EDSSI) != 0 && msrDeltas != 0) {
            return IIR_MSR;
        }
        return IIR_NONE;
    }

    /**
     * LSR; reading it clears the error bits (and so a line-status interrupt).
     * <pre>
     *     7        6      5      4    3    2    1    0
     * +--------+------+------+----+----+----+----+----+
     * | FIFO   | TEMT | THRE | BI | FE | PE | OE | DR |
     * | error  |      |      |    |    |    |    |    |
     * +--------+------+------+----+----+----+----+----+
     * </pre>
     */
    private int readLsr() {
        int v = LSR_THRE | LSR_TEMT | lineErrors | (rx.isEmpty() ? 0 : LSR_DR);
        if (fifoEnabled && lineErrors != 0) {
            v |= LSR_FIFO_ERROR;
        }
        lineErrors = 0;
        updateIrq();
        return v;
    }

    /**
     * MSR; reading it clears the delta bits (and so a modem-status interrupt).
     * <pre>
     *    7     6    5     4      3      2      1      0
     * +-----+----+-----+-----+------+------+------+------+
     * | DCD | RI | DSR | CTS | DDCD | TERI | DDSR | DCTS |
     * +-----+----+-----+-----+------+------+------+------+
     * </pre>
     */
    private int readMsr() {
        int v = modemLines() | msrDeltas;
        msrDeltas = 0;
        updateIrq();
        return v;
    }

    /** MSR bits 7-4: looped back from MCR in loopback, a connected terminal otherwise. */
    private int modemLines() {
        if ((mcr & MCR_LOOP) == 0) {
            return MSR_CONNECTED;
        }
        return ((mcr & MCR_RTS) != 0 ? 0x10 : 0) | ((mcr & MCR_DTR) != 0 ? 0x20 : 0)
                | ((mcr & MCR_OUT1) != 0 ? 0x40 : 0) | ((mcr & MCR_OUT2) != 0 ? 0x80 : 0);
    }

    /** THR: the byte leaves at once; the THRE interrupt drops and rises again (a fresh edge for the PIC). */
    private void writeThr(int v) {
        if ((mcr & MCR_LOOP) != 0) {
            rx.add(v);
        } else {
            output.accept(v);
        }
        threPending = false;
        updateIrq();
        threPending = true;
        updateIrq();
    }

    /** IER: setting ETBEI while THR is empty (always) makes a THRE interrupt pending. */
    private void writeIer(int v) {
        int old = ier;
        ier = v & 0x0F;
        if ((old & IER_ETBEI) == 0 && (ier & IER_ETBEI) != 0) {
            threPending = true;
        }
        updateIrq();
    }

    /**
     * FCR.
     * <pre>
     *     7   6      5   4      3        2          1         0
     * +---------+---+---+---------+----------+----------+--------+
     * | trigger | 0 | 0 | DMA mode| XMIT     | RCVR     | FIFO   |
     * | level   |   |   |         | reset    | reset    | enable |
     * +---------+---+---+---------+----------+----------+--------+
     * </pre>
     * Turning the FIFOs on or off empties them; the reset bits act only with bit 0 set. The trigger level and
     * DMA mode are ignored (see the class SIMPLIFICATION).
     */
    private void writeFcr(int v) {
        boolean enable = (v & 1) != 0;
        if (enable != fifoEnabled || (enable && (v & 2) != 0)) {
            rx.clear();
        }
        fifoEnabled = enable;
        updateIrq();
    }

    /** LCR; in loopback, setting the break bit receives a break. */
    private void writeLcr(int v) {
        boolean breakStarts = (v & LCR_BREAK) != 0 && (lcr & LCR_BREAK) == 0;
        lcr = v;
        if (breakStarts && (mcr & MCR_LOOP) != 0) {
            rx.add(0);
            lineErrors |= LSR_BI;
            updateIrq();
        }
    }

    /**
     * MCR; changes of the modem lines it loops back set the MSR delta bits.
     * <pre>
     *   7   6   5    4      3      2      1     0
     * +---+---+---+------+------+------+-----+-----+
     * | 0 | 0 | 0 | LOOP | OUT2 | OUT1 | RTS | DTR |
     * +---+---+---+------+------+------+-----+-----+
     * </pre>
     */
    private void writeMcr(int v) {
        int before = modemLines();
        mcr = v & 0x1F;
        int changed = before ^ modemLines();
        int deltas = (changed & 0xB0) >> 4;                 // DCD, DSR, CTS changed
        if ((changed & 0x40) != 0 && (before & 0x40) != 0) {
            deltas |= 0x04;                                 // TERI: RI went from on to off
        }
        msrDeltas |= deltas;
        updateIrq();
    }

    /** Drives the IRQ line: high while an interrupt is pending, OUT2 is set and loopback is off. */
    private void updateIrq() {
        boolean level = pendingInterrupt() != IIR_NONE && (mcr & (MCR_OUT2 | MCR_LOOP)) == MCR_OUT2;
        if (level != irqLine) {
            irqLine = level;
            if (level) {
                pic.raiseIrq(irq);
            } else {
                pic.lowerIrq(irq);
            }
        }
    }
}
