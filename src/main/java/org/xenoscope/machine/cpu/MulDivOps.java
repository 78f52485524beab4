package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class MulDivOps {
    private MulDivOps() {
    }

    static void mul(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void imul1(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void imul2(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void div(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void idiv(Cpu c, Insn i) {
        throw CpuFault.ud();
    }
}
