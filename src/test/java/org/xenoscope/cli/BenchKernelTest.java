package org.xenoscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.machine.Machine;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.testutil.Tools;

/** The benchmark kernel's bytes are what NASM makes of its source, and it runs without ever stopping. */
class BenchKernelTest {
    @TempDir
    Path dir;

    @Test
    void codeIsTheAssemblyOfTheSource() throws IOException {
        Tools.require("nasm");
        Files.writeString(dir.resolve("bench.asm"), BenchKernel.SOURCE, StandardCharsets.UTF_8);
        Tools.check(dir, List.of("nasm", "-f", "bin", "bench.asm", "-o", "bench.bin"), 60);
        assertThat(BenchKernel.code()).isEqualTo(Files.readAllBytes(dir.resolve("bench.bin")));
    }

    @Test
    void kernelLoopsForeverTouchingTheWholeArray() {
        Machine m = new Machine(BenchKernel.MEMORY_BYTES);
        BenchKernel.install(m);
        RunResult r = m.run(200_000);
        assertThat(r.reason()).as(r.detail()).isEqualTo(StopReason.INSTRUCTION_LIMIT);
        assertThat(r.instructions()).isEqualTo(200_000);
        // ~20 instructions per element: more than one pass over the 1024 elements
        assertThat(m.memory().readDword(BenchKernel.DATA + 4 * 1023)).isNotZero();
        assertThat(m.cpu().reg(Cpu.ESP)).isBetween(0x180000 - 8, 0x180000);
    }
}
