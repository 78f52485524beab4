package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random programs full of forward and backward branches around the short-jump limit, label arithmetic,
 * relocatable and constant operands, {@code times} and {@code align}: the passes must settle on exactly NASM's
 * sizes, so the output equals {@code nasm -f bin} byte for byte.
 */
class RandomProgramsCompatTest {
    static final int PROGRAMS = Integer.getInteger("asm.random.programs", 60);
    static final long SEED = 77_2024L;

    @TempDir
    Path dir;

    @Test
    void randomProgramsAssembleExactlyAsNasm() {
        Random rnd = new Random(SEED);
        int unsettled = 0;
        for (int i = 0; i < PROGRAMS; i++) {
            String src = program(rnd);
            Path f = NasmRef.write(dir, "r" + i + ".asm", src);
            NasmRef.Result ref = NasmRef.bin(f);
            if (ref.exit() != 0 && ref.errors().contains("unable to find valid values for all labels")) {
                unsettled++;
                continue;
            }
            assertThat(ref.exit()).as("nasm on program %d: %s%n%s", i, ref.errors(), src).isZero();
            Assembly a = Assembler.assembleFile(f, Assembler.Options.bin());
            assertThat(DataCompatTest.hex(a.image())).as("program %d:%n%s", i, src)
                .isEqualTo(DataCompatTest.hex(ref.bin()));
        }
        assertThat(unsettled).as("programs on which NASM itself does not settle").isLessThan(PROGRAMS / 10 + 1);
    }

    static String program(Random rnd) {
        int labels = 4 + rnd.nextInt(12);
        StringBuilder sb = new StringBuilder("bits 32\norg 0x" + Integer.toHexString(rnd.nextInt(0x20) * 0x1000)
            + "\n");
        int lines = 20 + rnd.nextInt(60);
        int placed = 0;
        for (int n = 0; n < lines; n++) {
            if (placed < labels && rnd.nextInt(lines / labels + 1) == 0) {
                sb.append("L").append(placed++).append(":\n");
            }
            sb.append(statement(rnd, labels)).append('\n');
        }
        while (placed < labels) {
            sb.append("L").append(placed++).append(": nop\n");
        }
        sb.append("K equ ").append(rnd.nextInt(300) - 150).append('\n');
        sb.append("section .data\nD0: dd L0, D1\nD1: times 3 db 1\n");
        return sb.toString();
    }

    private static String statement(Random rnd, int labels) {
        String l = "L" + rnd.nextInt(labels);
        String m = "L" + rnd.nextInt(labels);
        return switch (rnd.nextInt(16)) {
            case 0 -> "jmp " + l;
            case 1 -> "jz " + l;
            case 2 -> "jnc " + l;
            case 3 -> "call " + l;
            case 4 -> "times " + rnd.nextInt(140) + " nop";
            case 5 -> "push " + l;
            case 6 -> "push " + l + " - " + m;
            case 7 -> "mov eax, [ebx + " + l + " - " + m + "]";
            case 8 -> "add eax, K";
            case 9 -> "align " + (1 << (1 + rnd.nextInt(4)));
            case 10 -> "mov ecx, [" + l + "]";
            case 11 -> "cmp dword [esi + K], " + l + " - " + m;
            case 12 -> "db " + rnd.nextInt(256) + ", " + l + " - $$";
            case 13 -> "jmp $ + " + rnd.nextInt(200);
            case 14 -> "mov edx, D1 - D0";
            default -> "dd " + l + ", $ - " + m;
        };
    }
}
