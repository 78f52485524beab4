package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;

/** Placeholder: being written. */
final class StringOps {
    private StringOps() {
    }

    static void execute(Cpu c, Insn i) {
        throw CpuFault.ud();
    }
}
