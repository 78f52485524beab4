package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

/**
 * Test helper: runs a NASM snippet on a {@link FlatMachine} until the HLT appended to its code, and reads the
 * arithmetic flags back. Flags are given as {@link Eflags} bits; the initial EFLAGS is bit 1 plus the flags the
 * test asks for, so a test can set CF (or any flag) before the instruction under test without STC.
 *
 * <pre>
 *   0x1000  code of the snippet, then HLT        0x3000  section .data of the snippet (first label = DATA)
 * </pre>
 */
final class Snippet {
    static final int CF = Eflags.CF;
    static final int PF = Eflags.PF;
    static final int AF = Eflags.AF;
    static final int ZF = Eflags.ZF;
    static final int SF = Eflags.SF;
    static final int OF = Eflags.OF;
    static final int ALL = Eflags.ARITH;
    /** Where {@code section .data} starts: its own page, apart from the code at {@link FlatMachine#CODE}. */
    static final int DATA = 0x3000;

    private Snippet() {
    }

    /**
     * Assembles {@code asm} with a final {@code hlt} in the code section and loads it; nothing runs yet. Data the
     * snippet puts in {@code section .data} lands at {@link #DATA}, so its first label is at DATA.
     */
    static FlatMachine load(String asm) {
        String src = "section .data start=0x" + Integer.toHexString(DATA) + "\nsection .text\n" + asm
            + "\nsection .text\nhlt\n";
        return new FlatMachine(Nasm.assemble(src));
    }

    /** Loads and runs {@code asm} from EFLAGS = 0x2; asserts it reached its final HLT. */
    static FlatMachine run(String asm) {
        return run(asm, 0);
    }

    /** Loads and runs {@code asm} with the arithmetic flags {@code flagsIn} set initially. */
    static FlatMachine run(String asm, int flagsIn) {
        FlatMachine fm = load(asm);
        fm.cpu.setEflags(Eflags.FIXED1 | flagsIn);
        return toHalt(fm);
    }

    /** Runs a loaded machine to HLT (with IF = 0 the run then stops) and checks that is why it stopped. */
    static FlatMachine toHalt(FlatMachine fm) {
        RunResult r = fm.run();
        assertThat(r.reason()).as(r.detail()).isEqualTo(StopReason.HALTED);
        return fm;
    }

    /** The six arithmetic flags. */
    static int flags(FlatMachine fm) {
        return fm.cpu.eflags() & Eflags.ARITH;
    }

    /** Asserts the six arithmetic flags equal {@code expected} (named in the failure message). */
    static void assertFlags(FlatMachine fm, int expected) {
        assertFlags(fm, ALL, expected);
    }

    /** Asserts the flags selected by {@code mask} equal those of {@code expected}. */
    static void assertFlags(FlatMachine fm, int mask, int expected) {
        int got = flags(fm) & mask;
        assertThat(names(got)).as("flags among [%s]", names(mask)).isEqualTo(names(expected & mask));
    }

    static String names(int f) {
        StringBuilder sb = new StringBuilder();
        String[] n = {"CF", "PF", "AF", "ZF", "SF", "OF"};
        int[] b = {CF, PF, AF, ZF, SF, OF};
        for (int k = 0; k < n.length; k++) {
            if ((f & b[k]) != 0) {
                sb.append(sb.length() == 0 ? "" : " ").append(n[k]);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    static int reg(FlatMachine fm, int r) {
        return fm.cpu.reg(r);
    }

    static int mem32(FlatMachine fm, int addr) {
        return fm.m.memory().readDword(addr);
    }

    static int mem16(FlatMachine fm, int addr) {
        return fm.m.memory().readWord(addr);
    }

    static int mem8(FlatMachine fm, int addr) {
        return fm.m.memory().readByte(addr);
    }
}
