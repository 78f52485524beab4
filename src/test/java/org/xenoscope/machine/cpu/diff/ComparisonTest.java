package org.xenoscope.machine.cpu.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison can fail: registers, defined flags and memory are checked, undefined flags are not. */
class ComparisonTest {

    @Test
    void comparisonReportsRegistersDefinedFlagsAndMemoryButNotUndefinedFlags() {
        TestCase tc = new TestCase(0, new int[8], 0, new byte[Layout.ARENA_SIZE],
            List.of(new TestCase.Item(List.of("mul ebx"), 1, "mul", FlagBits.ZF, null)));
        Record host = new Record(0, new int[8], 0x202, new byte[Layout.ARENA_SIZE]);
        assertThat(Comparison.differences(tc, host, host)).isEmpty();
        Record zf = new Record(0, new int[8], 0x202 | FlagBits.ZF, new byte[Layout.ARENA_SIZE]);
        assertThat(Comparison.differences(tc, host, zf)).as("ZF is undefined after MUL").isEmpty();
        Record cf = new Record(0, new int[8], 0x202 | FlagBits.CF, new byte[Layout.ARENA_SIZE]);
        assertThat(Comparison.differences(tc, host, cf)).singleElement().asString().contains("CF");
        int[] regs = new int[8];
        regs[3] = 1;
        byte[] arena = new byte[Layout.ARENA_SIZE];
        arena[200] = 7;
        Record bad = new Record(0, regs, 0x202, arena);
        assertThat(Comparison.differences(tc, host, bad)).hasSize(2)
            .anySatisfy(d -> assertThat(d).startsWith("ebx"))
            .anySatisfy(d -> assertThat(d).contains(String.format("0x%08x", Layout.ARENA + 200)));
    }
}
