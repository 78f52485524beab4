package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.RunResult;
import org.xenoscope.machine.StopReason;

class CoreSmokeTest {
    @Test
    void sumLoopRunsToHalt() {
        // mov ecx,1000 / xor eax,eax / l: add eax,ecx / dec ecx / jnz l / hlt
        FlatMachine fm = new FlatMachine(FlatMachine.hex("b9 e8 03 00 00 31 c0 01 c8 49 75 fb f4"));
        RunResult r = fm.run();
        assertThat(r.reason()).isEqualTo(StopReason.HALTED);
        assertThat(fm.cpu.reg(Cpu.EAX)).isEqualTo(500500);
        assertThat(fm.cpu.reg(Cpu.ECX)).isZero();
        assertThat(r.instructions()).isEqualTo(2 + 3 * 1000 + 1);
    }

    @Test
    void callRetAndStack() {
        // call f / hlt / f: mov eax, 7 / push eax / pop ebx / ret
        FlatMachine fm = new FlatMachine(FlatMachine.hex("e8 01 00 00 00 f4 b8 07 00 00 00 50 5b c3"));
        fm.run();
        assertThat(fm.cpu.reg(Cpu.EBX)).isEqualTo(7);
        assertThat(fm.cpu.reg(Cpu.ESP)).isEqualTo(FlatMachine.STACK);
        assertThat(fm.cpu.eip()).isEqualTo(FlatMachine.CODE + 6);
    }

    @Test
    void selfModifyingCodeIsSeen() {
        // mov byte [l+1], 0x2a ; l: mov al, 0 ; hlt   (the store patches the immediate of the next instruction)
        int l = FlatMachine.CODE + 7;
        byte[] code = FlatMachine.hex(String.format("c6 05 %02x %02x %02x %02x 2a b0 00 f4",
            (l + 1) & 0xFF, ((l + 1) >> 8) & 0xFF, ((l + 1) >> 16) & 0xFF, (l + 1) >>> 24));
        FlatMachine fm = new FlatMachine(code);
        fm.run();
        assertThat(fm.cpu.reg(Cpu.EAX) & 0xFF).isEqualTo(0x2a);
    }
}
