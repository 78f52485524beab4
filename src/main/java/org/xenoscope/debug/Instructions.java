package org.xenoscope.debug;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.Decoder;
import org.xenoscope.machine.cpu.Insn;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.isa.Sem;
import org.xenoscope.machine.mem.PhysicalMemory;
import org.xenoscope.machine.mmu.Mmu;

/** Looking at the guest's next instruction without side effects (no TLB fill, no A/D bits, no fault). */
final class Instructions {
    private Instructions() {
    }

    /** The byte at linear address {@code lin}, or -1 when it is not mapped. */
    static int peekByte(Cpu c, int lin) {
        Mmu mmu = c.mmu();
        long pa = mmu.peek(lin);
        PhysicalMemory mem = c.memory();
        if (pa < 0 || !mem.inRam(pa, 1)) {
            return -1;
        }
        return mem.readByte(pa);
    }

    /** Linear address of the next instruction. */
    static int nextLinear(Cpu c) {
        return c.seg(Cpu.CS).base + c.eip();
    }

    /** True if the next instruction is {@code int $0x82}, the hypercall trap. */
    static boolean atHypercall(Cpu c) {
        int lin = nextLinear(c);
        return peekByte(c, lin) == 0xCD && peekByte(c, lin + 1) == 0x82;
    }

    /** The decoded next instruction, or null when its bytes are unmapped or invalid. */
    static Insn decodeNext(Cpu c) {
        int lin = nextLinear(c);
        try {
            return Decoder.decode(k -> {
                int b = peekByte(c, lin + k);
                if (b < 0) {
                    throw CpuFault.gp(0);
                }
                return b;
            }, c.seg(Cpu.CS).big);
        } catch (CpuFault f) {
            return null;
        }
    }

    /** For a CALL or INT n at EIP: the EIP after it (where step-over stops); otherwise -1. */
    static int callReturn(Cpu c) {
        Insn i = decodeNext(c);
        if (i == null) {
            return -1;
        }
        Sem s = i.sem;
        boolean call = s == Sem.CALL || s == Sem.CALL_IND || s == Sem.CALL_FAR || s == Sem.CALL_FAR_IND
            || s == Sem.INT || s == Sem.INT3 || s == Sem.INTO;
        return call ? c.eip() + i.len : -1;
    }

    /** True if the next instruction is a near or far return. */
    static boolean atReturn(Cpu c) {
        Insn i = decodeNext(c);
        return i != null && (i.sem == Sem.RET || i.sem == Sem.RETF || i.sem == Sem.IRET);
    }
}
