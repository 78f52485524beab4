package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

/**
 * Conditions read right after a 32-bit SBB that borrowed must include the borrow: the fast compare path of
 * {@link Flags#cond} (operands only) is right for SUB/CMP but not for SBB with CF=1. Found by comparing the
 * checksum sample guest's trace with QEMU's (gcc's 64-bit compare: cmp low words, sbb high words, jae).
 */
class SbbConditionTest {
    private static FlatMachine run(String asm) {
        FlatMachine fm = new FlatMachine(Nasm.assemble(asm));
        RunResult r = fm.run();
        assertThat(r.reason()).as(r.detail()).isEqualTo(StopReason.HALTED);
        return fm;
    }

    @Test
    void jaeAfterSbbWithBorrowSeesTheBorrow() {
        // 64-bit compare of 0x0000_0000_0000_0005 with 0x0000_0000_0000_0006: low words borrow, high words equal
        FlatMachine fm = run("mov eax, 5\ncmp eax, 6\nmov ecx, 0\nsbb ecx, 0\njae .skip\nmov ebx, 1\n.skip:\n"
            + "setb dl\nsete dh\nsetl al\nhlt");
        assertThat(fm.cpu.reg(Cpu.EBX)).as("jae must not be taken (0 - 0 - 1 borrows)").isEqualTo(1);
        assertThat(fm.cpu.reg(Cpu.EDX) & 0xFF).as("setb").isEqualTo(1);
        assertThat((fm.cpu.reg(Cpu.EDX) >> 8) & 0xFF).as("sete").isZero();
        assertThat(fm.cpu.reg(Cpu.EAX) & 0xFF).as("setl").isEqualTo(1);
    }

    @Test
    void zeroResultOfSbbSetsZfEvenThoughOperandsDiffer() {
        FlatMachine fm = run("stc\nmov ecx, 1\nsbb ecx, 0\nsete bl\nsetbe bh\nhlt");
        assertThat(fm.cpu.reg(Cpu.EBX) & 0xFF).as("sete").isEqualTo(1);
        assertThat((fm.cpu.reg(Cpu.EBX) >> 8) & 0xFF).as("setbe").isEqualTo(1);
    }
}
