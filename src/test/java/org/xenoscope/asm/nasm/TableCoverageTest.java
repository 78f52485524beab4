package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.machine.cpu.Decoder;
import org.xenoscope.machine.cpu.Insn;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;
import org.xenoscope.testutil.Tools;

/**
 * {@code coverage.asm} exercises every row of the instruction table: NASM's output for it is decoded with the
 * CPU's {@link Decoder}, instruction by instruction (boundaries from NASM's listing, which also checks that the
 * decoder agrees on every length), and every row must be hit except the ones NASM cannot produce, which are
 * listed at the top of coverage.asm and must NOT be hit.
 */
class TableCoverageTest {
    @TempDir
    Path dir;

    @Test
    void nasmOutputOfTheCoverageFileHitsEveryTableRow() {
        Tools.require("nasm");
        Set<InsnForm> hit = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> problems = new ArrayList<>();
        for (NasmOracle.Line l : NasmOracle.assemble(dir, NasmOracle.resource("/asm/coverage.asm"))) {
            byte[] b = l.bytes();
            try {
                Insn insn = Decoder.decode(i -> i < b.length ? b[i] : 0x90, true);
                hit.add(insn.form);
                if (insn.len != b.length) {
                    problems.add("line " + l.number() + ": " + l.source() + ": decoded length " + insn.len
                        + ", nasm " + b.length);
                }
            } catch (RuntimeException e) {
                problems.add("line " + l.number() + ": " + l.source() + ": decoder: " + e);
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (InsnForm f : InsnTable.rows()) {
            if (!excluded(f) && !hit.contains(f)) {
                missing.add(f.toString());
            } else if (excluded(f) && hit.contains(f)) {
                unexpected.add(f.toString());
            }
        }
        assertThat(missing).as("rows not covered by coverage.asm:\n" + String.join("\n", missing)).isEmpty();
        assertThat(unexpected).as("rows documented as not producible by NASM").isEmpty();
    }

    @Test
    void theExclusionsAreExactlyTheRowsTheEncoderRefuses() {
        int excluded = 0;
        for (InsnForm f : InsnTable.rows()) {
            assertThat(Encoder.nasmCanEncode(f)).as(f.toString()).isEqualTo(!excluded(f));
            excluded += excluded(f) ? 1 : 0;
        }
        assertThat(excluded).isEqualTo(8 + 8 + 2 + 6);
    }

    /** The exclusions documented at the top of coverage.asm. */
    private static boolean excluded(InsnForm f) {
        int op = f.opcode()[0] & 0xFF;
        return f.mnemonic().equals("fpu")
            || op == 0x82
            || (f.mnemonic().equals("test") && (op == 0xF6 || op == 0xF7) && f.ext() == 1)
            || (f.mnemonic().equals("sal") && f.ext() == 6);
    }
}
