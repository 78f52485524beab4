package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class ShiftOps {
    private ShiftOps() {
    }

    static void shift(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void shld(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void shrd(Cpu c, Insn i) {
        throw CpuFault.ud();
    }
}
