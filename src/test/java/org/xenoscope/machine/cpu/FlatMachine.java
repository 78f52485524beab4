package org.xenoscope.machine.cpu;

import org.xenoscope.machine.Machine;
import org.xenoscope.machine.RunResult;

/**
 * Test fixture: a machine in 32-bit protected mode with flat ring-0 segments (as a multiboot loader leaves it),
 * paging off, code loaded at {@link #CODE}, stack top at {@link #STACK}.
 */
public final class FlatMachine {
    public static final int CODE = 0x1000;
    public static final int STACK = 0x80000;
    /** Flat ring-0 code and data access bytes (present, DPL 0, code exec/read and data read/write). */
    public static final int CODE_ACCESS = 0x9B;
    public static final int DATA_ACCESS = 0x93;

    public final Machine m;
    public final Cpu cpu;

    public FlatMachine(byte[] code) {
        this(code, 4 << 20);
    }

    public FlatMachine(byte[] code, int memBytes) {
        m = new Machine(memBytes);
        cpu = m.cpu();
        m.memory().load(CODE, code, 0, code.length);
        cpu.setSegmentCache(Cpu.CS, 0x08, 0, -1, CODE_ACCESS, true);
        for (int s : new int[] {Cpu.DS, Cpu.ES, Cpu.SS, Cpu.FS, Cpu.GS}) {
            cpu.setSegmentCache(s, 0x10, 0, -1, DATA_ACCESS, true);
        }
        cpu.setEip(CODE);
        cpu.setReg(Cpu.ESP, STACK);
        cpu.setEflags(0x2);
    }

    /** Bytes from hex text like "b8 01 00 00 00 f4". */
    public static byte[] hex(String s) {
        String[] t = s.trim().split("\\s+");
        byte[] b = new byte[t.length];
        for (int k = 0; k < t.length; k++) {
            b[k] = (byte) Integer.parseInt(t[k], 16);
        }
        return b;
    }

    public RunResult run() {
        return m.run(10_000_000);
    }
}
