package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenoscope.testutil.Tools;

/**
 * The Encoder against NASM: every instruction line of {@code coverage.asm} is assembled by {@code nasm -f bin}
 * (the whole file at once, split by its listing) and by {@link Encoder#encode} at the same address; the bytes
 * must be identical.
 */
class EncoderNasmTest {
    private static final long ORG = 0x1000;

    @TempDir
    Path dir;

    @BeforeEach
    void needNasm() {
        Tools.require("nasm");
    }

    @Test
    void everyCoverageLineEncodesAsNasmDoes() {
        List<NasmOracle.Line> lines = NasmOracle.assemble(dir, NasmOracle.resource("/asm/coverage.asm"));
        assertThat(lines).hasSizeGreaterThan(1000);
        List<String> diffs = new ArrayList<>();
        for (NasmOracle.Line l : lines) {
            String ours = ours(l);
            if (!ours.equals(NasmOracle.hex(l.bytes()))) {
                diffs.add(String.format("line %d: %s%n    nasm: %s%n    ours: %s", l.number(), l.source(),
                    NasmOracle.hex(l.bytes()), ours));
            }
        }
        assertThat(diffs).as(diffs.size() + " differences:\n" + String.join("\n", diffs.subList(0,
            Math.min(60, diffs.size())))).isEmpty();
    }

    @Test
    void snippetsWithRedundantAndOddPrefixesEncodeAsNasmDoes() {
        String src = String.join("\n", "bits 32", "org 0x1000",
            "rep rep movsb", "es es movsb", "lock lock add [eax], eax", "o16 o16 nop",
            "a16 o16 movsd", "rep lock add [eax], eax", "lock rep add [eax], eax", "wait",
            // o16 only adds 0x66: NASM keeps 32-bit immediates and offsets (code the CPU would misread)
            "o16 mov eax, 1", "o16 add eax, 1", "o16 push 0x1234", "o16 jmp 0x10:0x1234", "o16 call 8:0x12345678",
            "o16 push eax",
            // NASM emits WAIT as a prefix ahead of the others, and the 8086's POP CS as 0F
            "es fwait", "rep wait", "pop cs", "") + "\n";
        for (NasmOracle.Line l : NasmOracle.assemble(dir, src)) {
            assertThat(ours(l)).as(l.source()).isEqualTo(NasmOracle.hex(l.bytes()));
        }
    }

    /** Our bytes for the line (or the exception's message). */
    private static String ours(NasmOracle.Line l) {
        long addr = ORG + l.offset();
        LineParser.Parsed p = LineParser.parse(l.source(), addr);
        try {
            return NasmOracle.hex(Encoder.encode(p.mnemonic(), p.prefixes(), p.operands(), addr));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage() + " " + Arrays.toString(
                p.operands().toArray());
        }
    }
}
