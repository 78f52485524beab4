package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class FarOps {
    private FarOps() {
    }

    static void jmpFarInd(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void callFarInd(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void retf(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void iret(Cpu c, Insn i) {
        throw CpuFault.ud();
    }

    static void jmpFar(Cpu c, int sel, int off, int osize) {
        throw CpuFault.ud();
    }

    static void callFar(Cpu c, int sel, int off, int osize) {
        throw CpuFault.ud();
    }
}
