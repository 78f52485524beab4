package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class SystemOps {
    private SystemOps() {
    }

    static void pushf(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void popf(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void lfar(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movFromSreg(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movToSreg(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movFromCr(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movToCr(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movFromDr(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void movToDr(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void pushSreg(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void popSreg(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void execute(Cpu c, Insn i) {
        throw CpuFault.ud();
    }
}
