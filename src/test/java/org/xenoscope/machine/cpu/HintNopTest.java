package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.EBX;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.isa.Sem;

/**
 * The reserved NOPs 0F 19, 0F 1C..0F 1F /digit (NASM's hint_nop8..15 and hint_nop32..63): decoded with their
 * ModRM, no effect; ENDBR32 (F3 0F 1E FB) is one of them.
 */
class HintNopTest {
    @Test
    void everyReservedNopDecodesWithItsModrmAndIsANop() {
        for (int op = 0x19; op <= 0x1F; op++) {
            if (op == 0x1A || op == 0x1B) {
                continue; // MPX's space: not in the table
            }
            for (int modrm : new int[] {0x00, 0x44, 0xBF, 0xC3}) {
                // 0F op ModRM [SIB] [disp]: 0x44 = [esp+disp8] via SIB, 0xBF = [edi+disp32]
                byte[] b = {0x0F, (byte) op, (byte) modrm, 0x24, 0x11, 0x22, 0x33, 0x44};
                Insn i = Decoder.decode(k -> b[k], true);
                int expected = modrm == 0x44 ? 5 : modrm == 0xBF ? 7 : 3;
                assertThat(i.len).as("0F %02X %02X", op, modrm).isEqualTo(expected);
                assertThat(i.sem).isEqualTo(Sem.NOP);
            }
        }
    }

    @Test
    void reservedNopsChangeNothingAndNeverTouchTheirOperand() {
        // the memory operands are far outside RAM and would read open bus: a NOP does not access them at all
        FlatMachine fm = run("mov eax, 5\nmov ebx, 0xFFFFFFF0\nhint_nop8 eax\nhint_nop63 dword [ebx+0x100]\n"
            + "hint_nop45 word [ebx]\ndb 0xF3, 0x0F, 0x1E, 0xFB ; endbr32\nhint_nop57 ebx\nmov ecx, 7", CF | SF);
        assertThat(reg(fm, EAX)).isEqualTo(5);
        assertThat(reg(fm, EBX)).isEqualTo(0xFFFFFFF0);
        assertThat(reg(fm, Cpu.ECX)).isEqualTo(7);
        assertFlags(fm, ALL, CF | SF);
    }
}
