package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sources without instructions (data, directives, preprocessor): our output equals nasm -f bin byte for byte. */
class DataCompatTest {
    @TempDir
    Path dir;

    private void same(String name, String src) {
        Path f = NasmRef.write(dir, name, src);
        NasmRef.Result ref = NasmRef.bin(f);
        assertThat(ref.exit()).as("nasm: " + ref.errors()).isZero();
        Assembly a = Assembler.assembleFile(f, Assembler.Options.bin());
        assertThat(hex(a.image())).isEqualTo(hex(ref.bin()));
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format("%02x", b[i] & 0xFF)).append(i % 16 == 15 ? "\n" : " ");
        }
        return sb.toString();
    }

    @Test
    void numbersStringsAndOperators() {
        same("nums.asm", """
            dq 0x1f, 1fh, 0b101, 101b, 0o17, 17q, 10d, 1_000, 0h1f, $1f, 0y11, 11y, 0q7, 7o, 0t99, 99t, 0d12
            dq 0bh, 0dh, 1e3h, 0bah
            dq 'ab', "cd", `\\n\\x41\\101\\u00e9`
            db `a\\tb\\\\c\\'\\"\\``, 0
            dw 'abc'
            dd 'abcde'
            dq -1 / 2, -7 // 2, -7 % 3, -7 %% 3, 1 << 4, 256 >> 4, ~0 & 0xff, 3 ^ 5, 3 | 4, -(3)
            dd 1.5, -2.0e1, 1e3, 0.1
            dq 1.5, -0.25, 3.14159265358979
            db 1, 2, 'x', 4, 'a'+1, -1, 255
            dw -1, 0x1234, 'a'
            dd 1 == 1, 2 < 1, 3 >= 3, 4 != 4, 5 <> 6, (1 && 0) || 1, 1 ^^ 1, !0
            """);
    }

    @Test
    void sectionsAlignTimesStruc() {
        same("sect.asm", """
            struc pt
              .x: resd 1
              .y: resw 1
            endstruc
            s1: istruc pt
              at pt.x, dd 1
              at pt.y, dw 2
            iend
            dd pt_size, pt.y, s1
            times 3 db 7
            dd $, $$
            %macro m 2+
              db %1
              %%l: dd %%l, %2
            %endmacro
            m 1, 2, 3
            align 8
            alignb 4
            section .bss
            resb 1
            alignb 8
            z: resd 1
            section .data
            dw z
            %define f(a,b) a+b*2
            %define g 5
            db f(g,1), g
            %assign i 3
            %rep 3
            db i
            %assign i i+1
            %endrep
            section .rodata
            align 4, db 0xAA
            db 6
            dd section..rodata.start, section..data.start, section..bss.start
            """);
    }
}
