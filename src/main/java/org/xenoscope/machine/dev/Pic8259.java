package org.xenoscope.machine.dev;

import org.xenoscope.machine.intr.InterruptController;
import org.xenoscope.machine.mem.IoBus;
import org.xenoscope.machine.mem.IoDevice;

/**
 * The PC's two cascaded 8259A programmable interrupt controllers (Intel 8259A data sheet).
 *
 * <pre>
 *   IRQ0..7  --> master (ports 0x20 command, 0x21 data) --INT--> CPU INTR
 *                  IR2 <--INT-- slave (ports 0xA0 command, 0xA1 data) <-- IRQ8..15
 * </pre>
 *
 * Each chip has three 8-bit registers: IRR (requests latched on a rising edge of an IR line), ISR (requests being
 * serviced, set by INTA, cleared by EOI) and IMR (mask). A chip raises its INT output when its highest-priority
 * unmasked request outranks everything in service. The slave's INT drives the master's IR2.
 *
 * <p>Power-on state (BIOS-like, chosen so a guest that skips initialisation still gets sane vectors): master
 * vectors 0x08..0x0F, slave vectors 0x70..0x77, cascade on IR2, fully nested mode, normal EOI, and every line
 * masked except the master's cascade input IR2 (master IMR 0xFB, slave IMR 0xFF).
 *
 * <p>IRQ lines are edge-triggered as on an ISA PC: a low-to-high transition latches the IRR bit, and the bit stays
 * latched if the line drops before INTA (as in QEMU's model). ICW1's LTIM bit selects level mode, where IRR
 * follows the line.
 *
 * <p>SIMPLIFICATION: MCS-80/85 mode (ICW4 bit 0 clear) is treated as 8086 mode; buffered mode is ignored; the
 * slave is wired to master IR2 as on a PC, whatever the ICW3 values say (master ICW3 bit 2 must be set for the
 * master to ask the slave for the vector); a wider-than-byte access acts on the addressed port only.
 */
public final class Pic8259 implements InterruptController {
    /** Master command and data ports. */
    public static final int MASTER_PORT = 0x20;
    /** Slave command and data ports. */
    public static final int SLAVE_PORT = 0xA0;
    /** The master IR line that the slave's INT output drives. */
    public static final int CASCADE_IR = 2;

    private final Runnable attention;
    private final Chip master = new Chip(true, 0x08, 0xFB);
    private final Chip slave = new Chip(false, 0x70, 0xFF);

    /** {@code attention} is run whenever INTR may have become asserted, so the CPU looks for interrupts. */
    public Pic8259(Runnable attention) {
        this.attention = attention;
    }

    /** Claims ports 0x20-0x21 (master) and 0xA0-0xA1 (slave). */
    public void map(IoBus bus) {
        bus.map(MASTER_PORT, 2, master);
        bus.map(SLAVE_PORT, 2, slave);
    }

    /** Drives ISA line {@code irq} (0..15, not 2: the cascade) high; a rising edge latches a request. */
    public void raiseIrq(int irq) {
        chipFor(irq).setLine(irq & 7, true);
        update();
    }

    /** Drives ISA line {@code irq} low (re-arms its edge detector; a latched request stays in edge mode). */
    public void lowerIrq(int irq) {
        chipFor(irq).setLine(irq & 7, false);
        update();
    }

    @Override
    public boolean intrAsserted() {
        return master.output();
    }

    /**
     * The INTA cycle. Marks the winning request in service (unless auto-EOI) and returns its vector. When the
     * winner is the cascade line, the slave supplies the vector. If no request is left by now, the chip answers
     * with its IR7 vector and sets no ISR bit: the spurious IRQ7 (or IRQ15, with master IR2 still in service).
     */
    @Override
    public int acknowledge() {
        int ir = master.pendingIr();
        if (ir < 0) {
            return master.vectorBase + 7;
        }
        master.acknowledgeIr(ir);
        int vector;
        if (ir == CASCADE_IR && (master.icw3 & (1 << CASCADE_IR)) != 0 && !master.single) {
            master.setLine(CASCADE_IR, false);   // the slave's INT drops during INTA; it rises again if still due
            int sir = slave.pendingIr();
            if (sir < 0) {
                vector = slave.vectorBase + 7;
            } else {
                slave.acknowledgeIr(sir);
                vector = slave.vectorBase + sir;
            }
        } else {
            vector = master.vectorBase + ir;
        }
        update();
        return vector;
    }

    private Chip chipFor(int irq) {
        if (irq < 0 || irq > 15 || irq == CASCADE_IR) {
            throw new IllegalArgumentException("no ISA IRQ line " + irq + " (IRQ2 is the cascade input)");
        }
        return irq < 8 ? master : slave;
    }

    /** Propagates the slave's INT to master IR2, then tells the CPU if INTR is asserted. */
    private void update() {
        master.setLine(CASCADE_IR, slave.output());
        if (master.output()) {
            attention.run();
        }
    }

    /**
     * One 8259A. Port offset 0 (A0=0) takes ICW1, OCW2 and OCW3 and reads IRR/ISR or the poll word; offset 1
     * (A0=1) takes ICW2..ICW4 during initialisation, OCW1 (IMR) afterwards, and reads IMR.
     */
    private final class Chip implements IoDevice {
        final boolean isMaster;
        int irr;
        int isr;
        int imr;
        int lines;             // current level of the IR inputs (edge detector)
        int vectorBase;
        int priorityAdd;       // IR with the highest priority (0 unless rotated)
        int icw3;
        boolean single;
        boolean levelTriggered;
        boolean icw4Needed;
        boolean autoEoi;
        boolean rotateOnAutoEoi;
        boolean specialFullyNested;
        boolean specialMask;
        boolean readIsr;
        boolean poll;
        int initStep;          // 0 = operational, 2..4 = expecting ICW2..ICW4

        Chip(boolean isMaster, int vectorBase, int imr) {
            this.isMaster = isMaster;
            this.vectorBase = vectorBase;
            this.imr = imr;
            this.icw3 = isMaster ? 1 << CASCADE_IR : CASCADE_IR;
        }

        /** Sets the level of IR input {@code ir}; a rising edge (or a high level in LTIM mode) requests. */
        void setLine(int ir, boolean high) {
            int bit = 1 << ir;
            if (high && (lines & bit) == 0) {
                irr |= bit;
            }
            if (!high && levelTriggered) {
                irr &= ~bit;
            }
            lines = high ? lines | bit : lines & ~bit;
        }

        /** Rank of {@code ir}: 0 is the highest priority, 7 the lowest. */
        int rank(int ir) {
            return (ir - priorityAdd) & 7;
        }

        /** The highest-priority IR whose bit is set in {@code bits}, or -1. */
        int highest(int bits) {
            for (int r = 0; r < 8; r++) {
                int ir = (r + priorityAdd) & 7;
                if ((bits & (1 << ir)) != 0) {
                    return ir;
                }
            }
            return -1;
        }

        /**
         * The IR this chip would deliver now, or -1: the highest unmasked request, if it outranks the highest
         * in-service level. In special mask mode masked in-service levels do not block; in special fully nested
         * mode (master only) the cascade line in service does not block a new slave request.
         */
        int pendingIr() {
            int req = highest(irr & ~imr);
            if (req < 0) {
                return -1;
            }
            int blocking = specialMask ? isr & ~imr : isr;
            if (specialFullyNested && isMaster) {
                blocking &= ~(1 << CASCADE_IR);
            }
            int svc = highest(blocking);
            return svc < 0 || rank(req) < rank(svc) ? req : -1;
        }

        boolean output() {
            return pendingIr() >= 0;
        }

        /** INTA for {@code ir}: clears the edge-latched request and marks it in service (or auto-EOIs it). */
        void acknowledgeIr(int ir) {
            if (!levelTriggered) {
                irr &= ~(1 << ir);
            }
            if (!autoEoi) {
                isr |= 1 << ir;
            } else if (rotateOnAutoEoi) {
                priorityAdd = (ir + 1) & 7;
            }
        }

        @Override
        public int in(int port, int size) {
            if ((port & 1) != 0) {
                return imr;
            }
            if (poll) {
                return pollWord();
            }
            return readIsr ? isr : irr;
        }

        /** OCW3 poll: answers 0x80 | IR for a pending request (and acknowledges it), else 0. */
        private int pollWord() {
            poll = false;
            int ir = pendingIr();
            if (ir < 0) {
                return 0;
            }
            acknowledgeIr(ir);
            update();
            return 0x80 | ir;
        }

        @Override
        public void out(int port, int size, int value) {
            int v = value & 0xFF;
            if ((port & 1) != 0) {
                writeData(v);
            } else if ((v & 0x10) != 0) {
                icw1(v);
            } else if ((v & 0x08) != 0) {
                ocw3(v);
            } else {
                ocw2(v);
            }
            update();
        }

        /**
         * ICW1 (A0=0, bit 4 set): starts initialisation; clears IMR, ISR, IRR, rotation, special mask and modes.
         * <pre>
         *   7   6   5   4   3      2      1      0
         * +---+---+---+---+------+------+------+-----+
         * | A7..A5 (8080) | 1 | LTIM | ADI  | SNGL | IC4 |
         * +---+---+---+---+------+------+------+-----+
         * </pre>
         */
        private void icw1(int v) {
            icw4Needed = (v & 0x01) != 0;
            single = (v & 0x02) != 0;
            levelTriggered = (v & 0x08) != 0;
            if (levelTriggered) {
                irr = lines;
            } else {
                irr = 0;
                lines = 0;      // edge detector reset (as QEMU does): a line still high re-latches when driven again
            }
            isr = 0;
            imr = 0;
            priorityAdd = 0;
            autoEoi = false;
            rotateOnAutoEoi = false;
            specialFullyNested = false;
            specialMask = false;
            readIsr = false;
            poll = false;
            initStep = 2;
        }

        /** A0=1: ICW2 (vector base T7..T3), ICW3 (cascade), ICW4 (mode) in sequence, else OCW1 (IMR). */
        private void writeData(int v) {
            switch (initStep) {
                case 2 -> {
                    vectorBase = v & 0xF8;
                    initStep = !single ? 3 : icw4Needed ? 4 : 0;
                }
                case 3 -> {
                    icw3 = v;
                    initStep = icw4Needed ? 4 : 0;
                }
                case 4 -> {
                    icw4(v);
                    initStep = 0;
                }
                default -> imr = v;
            }
        }

        /**
         * ICW4.
         * <pre>
         *   7   6   5    4      3     2     1      0
         * +---+---+---+------+-----+-----+------+-----+
         * | 0 | 0 | 0 | SFNM | BUF | M/S | AEOI | uPM |
         * +---+---+---+------+-----+-----+------+-----+
         * </pre>
         */
        private void icw4(int v) {
            autoEoi = (v & 0x02) != 0;
            specialFullyNested = (v & 0x10) != 0;
        }

        /**
         * OCW2 (A0=0, bits 4..3 = 00).
         * <pre>
         *   7   6    5     4   3   2   1   0
         * +---+----+-----+---+---+-----------+
         * | R | SL | EOI | 0 | 0 |  L2..L0   |
         * +---+----+-----+---+---+-----------+
         *  001 non-specific EOI     011 specific EOI L     101 rotate on non-specific EOI
         *  111 rotate on specific EOI L     110 set priority (L lowest)     100/000 set/clear rotate in AEOI
         * </pre>
         */
        private void ocw2(int v) {
            int level = v & 7;
            switch (v >> 5) {
                case 0b001, 0b101 -> {
                    int ir = highest(isr);
                    if (ir >= 0) {
                        isr &= ~(1 << ir);
                        if ((v >> 5) == 0b101) {
                            priorityAdd = (ir + 1) & 7;
                        }
                    }
                }
                case 0b011 -> isr &= ~(1 << level);
                case 0b111 -> {
                    isr &= ~(1 << level);
                    priorityAdd = (level + 1) & 7;
                }
                case 0b110 -> priorityAdd = (level + 1) & 7;
                case 0b100 -> rotateOnAutoEoi = true;
                case 0b000 -> rotateOnAutoEoi = false;
                default -> { }
            }
        }

        /**
         * OCW3 (A0=0, bits 4..3 = 01).
         * <pre>
         *   7    6      5    4   3   2    1    0
         * +---+------+-----+---+---+---+----+-----+
         * | 0 | ESMM | SMM | 0 | 1 | P | RR | RIS |
         * +---+------+-----+---+---+---+----+-----+
         * </pre>
         */
        private void ocw3(int v) {
            if ((v & 0x40) != 0) {
                specialMask = (v & 0x20) != 0;
            }
            if ((v & 0x04) != 0) {
                poll = true;
            }
            if ((v & 0x02) != 0) {
                readIsr = (v & 0x01) != 0;
            }
        }
    }
}
