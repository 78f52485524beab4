package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The multi-pass driver, with the {@link FakeEncoder} (jmp: EB rel8 or E9 rel32; push: 6A ib or 68 id). */
class PassesTest {
    @Test
    void forwardJumpInReachIsShort() {
        Assembly a = Asm.bin("bits 32\njmp done\nnop\ndone: ret\n");
        assertThat(Asm.hex(a)).isEqualTo("eb 01 90 c3");
        assertThat(a.passes()).isEqualTo(2);
    }

    @Test
    void forwardJumpOutOfReachGrows() {
        Assembly a = Asm.bin("bits 32\njmp far_away\ntimes 200 nop\nfar_away: ret\n");
        assertThat(a.image()).startsWith(0xE9, 200, 0, 0, 0);
        assertThat(a.symbols()).containsEntry("far_away", 205L);
    }

    @Test
    void chainOfJumpsSettles() {
        StringBuilder src = new StringBuilder("bits 32\n");
        for (int i = 0; i < 40; i++) {
            src.append("jmp l").append(i).append("\ntimes 3 nop\n");
        }
        for (int i = 0; i < 40; i++) {
            src.append("l").append(i).append(": nop\n");
        }
        Assembly a = Asm.bin(src.toString());
        byte[] b = a.image();
        int at = 0;
        for (int i = 0; i < 40; i++) {
            long target = a.symbols().get("l" + i);
            int op = b[at] & 0xFF;
            int len = op == 0xEB ? 2 : 5;
            long rel = op == 0xEB ? b[at + 1] : java.nio.ByteBuffer.wrap(b, at + 1, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            assertThat(at + len + rel).as("target of jump %d", i).isEqualTo(target);
            assertThat(op).as("jump %d", i).isEqualTo(target - (at + 2) <= 127 ? 0xEB : 0xE9);
            at += len + 3;
        }
    }

    @Test
    void firstPassAssumesUnknownImmediatesAreSmallAsNasmDoes() {
        Assembly a = Asm.bin("bits 32\njmp target\npush FWD\ntimes 123 nop\ntarget:\nFWD equ 1\n");
        assertThat(a.image()).startsWith(0xEB, 125, 0x6A, 1);
    }

    @Test
    void relocatableValuesAreNeverShortened() {
        assertThat(Asm.hex(Asm.bin("bits 32\nx: push x\npush K\npush x - $$\nK equ 4\n")))
            .isEqualTo("68 00 00 00 00 6a 04 6a 00");
    }

    @Test
    void jumpToANumberOrAnotherSectionIsNear() {
        Assembly a = Asm.bin("bits 32\njmp 0x10\njmp other\njmp $+2\nsection .data\nother: db 0\n");
        assertThat(Asm.hex(a).substring(0, 35)).isEqualTo("e9 0b 00 00 00 e9 02 00 00 00 eb 00");
    }

    @Test
    void laterSectionsMoveAsTheTextShrinks() {
        Assembly a = Asm.bin("bits 32\njmp end\nmov eax, d\nend: ret\nsection .data\nd: dd d\n");
        assertThat(a.symbols()).containsEntry("d", 8L);
        assertThat(Asm.hex(a)).isEqualTo("eb 05 b8 08 00 00 00 c3 08 00 00 00");
    }

    @Test
    void sizesThatNeverSettleAreAnErrorNotAHang() {
        AsmErrors e = Asm.errors("bits 32\nosc x\nx:\n");
        assertThat(e.getMessage()).contains("does not settle after 40 passes");
    }
}
