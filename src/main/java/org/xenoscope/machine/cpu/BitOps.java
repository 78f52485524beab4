package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class BitOps {
    private BitOps() {
    }

    static void bt(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void bsf(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void bsr(Cpu c, Insn i) {
        throw CpuFault.ud();
    }
}
