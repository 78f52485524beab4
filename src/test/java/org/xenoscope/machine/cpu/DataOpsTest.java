package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.EBP;
import static org.xenoscope.machine.cpu.Cpu.EBX;
import static org.xenoscope.machine.cpu.Cpu.ECX;
import static org.xenoscope.machine.cpu.Cpu.EDI;
import static org.xenoscope.machine.cpu.Cpu.EDX;
import static org.xenoscope.machine.cpu.Cpu.ESI;
import static org.xenoscope.machine.cpu.Cpu.ESP;
import static org.xenoscope.machine.cpu.FlatMachine.STACK;
import static org.xenoscope.machine.cpu.Snippet.AF;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.DATA;
import static org.xenoscope.machine.cpu.Snippet.OF;
import static org.xenoscope.machine.cpu.Snippet.PF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.mem16;
import static org.xenoscope.machine.cpu.Snippet.mem32;
import static org.xenoscope.machine.cpu.Snippet.mem8;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;

/**
 * Data movement: MOV (incl. moffs), MOVZX/MOVSX, LEA with SIB, XCHG, XADD, CMPXCHG, CMPXCHG8B, BSWAP, PUSH/POP
 * (incl. POP to an ESP-based address), PUSHA/POPA, LAHF/SAHF, CMOVcc, SETcc, CBW/CWDE/CWD/CDQ. Expected values
 * are worked out from the SDM.
 */
class DataOpsTest {
    // ---------------------------------------------------------------- MOV

    @Test
    void movRegisterImmediateAndMemoryForms() {
        FlatMachine fm = run("mov eax, 0x11223344\nmov ebx, eax\nmov [x], ebx\nmov ecx, [x]\n"
            + "mov dword [y], 0xCAFEBABE\nmov ah, 0x99\nmov dx, 0x1234\nmov byte [z], 0x5A\n"
            + "section .data\nx: dd 0\ny: dd 0\nz: db 0", ALL);
        assertThat(reg(fm, EAX)).isEqualTo(0x11229944);
        assertThat(reg(fm, ECX)).isEqualTo(0x11223344);
        assertThat(reg(fm, EDX) & 0xFFFF).isEqualTo(0x1234);
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0xCAFEBABE);
        assertThat(mem8(fm, DATA + 8)).isEqualTo(0x5A);
        assertFlags(fm, ALL); // MOV changes no flag
    }

    @Test
    void movMoffsForms() {
        // A1 / A3 / A0 / A2 with a 32-bit absolute offset, and 66 A1
        FlatMachine fm = run("mov eax, [0x3000]\nmov [0x3008], eax\nmov al, [0x3001]\nmov [0x300C], al\n"
            + "mov bx, 0\nmov ax, [0x3002]\n"
            + "section .data\ndd 0x87654321, 0, 0, 0");
        assertThat(mem32(fm, DATA + 8)).isEqualTo(0x87654321);
        assertThat(mem8(fm, DATA + 12)).isEqualTo(0x43);
        assertThat(reg(fm, EAX)).isEqualTo(0x87658765);
    }

    @Test
    void movzxAndMovsx() {
        FlatMachine fm = run("movzx eax, byte [x]\nmovsx ebx, byte [x]\nmov cx, 0x8001\nmovsx edx, cx\n"
            + "movzx esi, cx\nmov edi, 0xFFFFFFFF\nmov bl, 0x7F\nmovzx di, bl\n"
            + "section .data\nx: db 0x80");
        assertThat(reg(fm, EAX)).isEqualTo(0x80);
        assertThat(reg(fm, EBX) & 0xFFFFFF00).isEqualTo(0xFFFFFF00);
        assertThat(reg(fm, EDX)).isEqualTo(0xFFFF8001);
        assertThat(reg(fm, ESI)).isEqualTo(0x8001);
        assertThat(reg(fm, EDI)).isEqualTo(0xFFFF007F);
    }

    // ---------------------------------------------------------------- LEA

    @Test
    void leaBaseIndexScaleDisplacement() {
        FlatMachine fm = run("mov ebx, 0x1000\nmov esi, 0x20\nlea eax, [ebx + esi*4 + 0x10]\n"
            + "lea ecx, [esi*8]\nlea edx, [esp + 4]\nmov ebp, 0x500\nlea edi, [ebp + ebx*2 - 8]", ALL);
        assertThat(reg(fm, EAX)).isEqualTo(0x1090);
        assertThat(reg(fm, ECX)).isEqualTo(0x100);
        assertThat(reg(fm, EDX)).isEqualTo(STACK + 4);
        assertThat(reg(fm, EDI)).isEqualTo(0x500 + 0x2000 - 8);
        assertFlags(fm, ALL);
    }

    @Test
    void leaSixteenBitOperandAndAddressSizes() {
        // 66 8D: the low 16 bits of the address; 67 8D: [bx+si+disp] wraps at 64 KiB
        FlatMachine fm = run("mov eax, 0xAAAAAAAA\nmov ebx, 0x0001FFFF\nmov esi, 3\nlea ax, [ebx + esi]\n"
            + "mov ecx, 0\nlea ecx, [bx + si + 2]");
        assertThat(reg(fm, EAX)).isEqualTo(0xAAAA0002);
        assertThat(reg(fm, ECX)).isEqualTo(4);
    }

    // ---------------------------------------------------------------- XCHG XADD CMPXCHG

    @Test
    void xchgForms() {
        FlatMachine fm = run("mov eax, 1\nmov ebx, 2\nxchg eax, ebx\nmov ecx, 3\nxchg ecx, [x]\n"
            + "mov edx, 0x1122\nxchg dl, dh\nsection .data\nx: dd 4");
        assertThat(reg(fm, EAX)).isEqualTo(2);
        assertThat(reg(fm, EBX)).isEqualTo(1);
        assertThat(reg(fm, ECX)).isEqualTo(4);
        assertThat(mem32(fm, DATA)).isEqualTo(3);
        assertThat(reg(fm, EDX)).isEqualTo(0x2211);
    }

    @Test
    void xaddRegisters() {
        FlatMachine fm = run("mov eax, 5\nmov ebx, 7\nxadd eax, ebx");
        assertThat(reg(fm, EAX)).isEqualTo(12);
        assertThat(reg(fm, EBX)).isEqualTo(5);
        assertFlags(fm, PF); // 12 = 0b1100
    }

    @Test
    void xaddMemoryOverflow() {
        FlatMachine fm = run("mov ecx, 1\nxadd [x], ecx\nsection .data\nx: dd 0x7FFFFFFF");
        assertThat(mem32(fm, DATA)).isEqualTo(0x80000000);
        assertThat(reg(fm, ECX)).isEqualTo(0x7FFFFFFF);
        assertFlags(fm, OF | SF | AF | PF);
    }

    @Test
    void cmpxchgEqualStoresSource() {
        FlatMachine fm = run("mov eax, 5\nmov ebx, 9\ncmpxchg [x], ebx\nsection .data\nx: dd 5");
        assertThat(mem32(fm, DATA)).isEqualTo(9);
        assertThat(reg(fm, EAX)).isEqualTo(5);
        assertFlags(fm, ZF | PF);
    }

    @Test
    void cmpxchgUnequalLoadsAccumulator() {
        FlatMachine fm = run("mov eax, 5\nmov ebx, 9\ncmpxchg [x], ebx\nsection .data\nx: dd 6");
        assertThat(mem32(fm, DATA)).isEqualTo(6);
        assertThat(reg(fm, EAX)).isEqualTo(6);
        assertFlags(fm, CF | SF | AF | PF); // flags of CMP 5, 6
    }

    @Test
    void cmpxchg8BitRegister() {
        FlatMachine fm = run("mov eax, 0x1234\nmov cl, 0x34\nmov dl, 0x77\ncmpxchg cl, dl");
        assertThat(reg(fm, ECX) & 0xFF).isEqualTo(0x77);
        assertThat(reg(fm, EAX)).isEqualTo(0x1234);
        assertFlags(fm, ZF, ZF);
    }

    @Test
    void cmpxchg8bEqual() {
        FlatMachine fm = run("mov edx, 0x11111111\nmov eax, 0x22222222\nmov ecx, 0x33333333\nmov ebx, 0x44444444\n"
            + "cmpxchg8b [q]\nsection .data\nq: dd 0x22222222, 0x11111111", CF | SF);
        assertThat(mem32(fm, DATA)).isEqualTo(0x44444444);
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0x33333333);
        assertFlags(fm, ZF | CF | SF); // only ZF changes
    }

    @Test
    void cmpxchg8bUnequal() {
        FlatMachine fm = run("mov edx, 0x11111111\nmov eax, 0x22222222\nmov ecx, 0x33333333\nmov ebx, 0x44444444\n"
            + "cmpxchg8b [q]\nsection .data\nq: dd 0x22222222, 0x11111112", ZF | OF);
        assertThat(mem32(fm, DATA)).isEqualTo(0x22222222);
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0x11111112);
        assertThat(reg(fm, EDX)).isEqualTo(0x11111112);
        assertThat(reg(fm, EAX)).isEqualTo(0x22222222);
        assertFlags(fm, OF);
    }

    @Test
    void bswap() {
        FlatMachine fm = run("mov eax, 0x12345678\nbswap eax\nmov edi, 0x000000FF\nbswap edi");
        assertThat(reg(fm, EAX)).isEqualTo(0x78563412);
        assertThat(reg(fm, EDI)).isEqualTo(0xFF000000);
    }

    // ---------------------------------------------------------------- PUSH POP

    @Test
    void pushPopForms() {
        FlatMachine fm = run("push 0x12345678\npop ebx\npush byte -1\npop ecx\npush word 0x1234\npop dx\n"
            + "push dword [x]\npop dword [y]\nsection .data\nx: dd 0xAABBCCDD\ny: dd 0");
        assertThat(reg(fm, EBX)).isEqualTo(0x12345678);
        assertThat(reg(fm, ECX)).isEqualTo(-1);
        assertThat(reg(fm, EDX) & 0xFFFF).isEqualTo(0x1234);
        assertThat(mem32(fm, DATA + 4)).isEqualTo(0xAABBCCDD);
        assertThat(reg(fm, ESP)).isEqualTo(STACK);
    }

    @Test
    void pushWordMovesEspByTwo() {
        FlatMachine fm = run("push word 0xBEEF");
        assertThat(reg(fm, ESP)).isEqualTo(STACK - 2);
        assertThat(mem16(fm, STACK - 2)).isEqualTo(0xBEEF);
    }

    @Test
    void pushEspPushesTheOldValue() {
        FlatMachine fm = run("push esp\npop eax");
        assertThat(reg(fm, EAX)).isEqualTo(STACK);
    }

    @Test
    void popToEspBasedAddressUsesIncrementedEsp() {
        // stack: [S-12]=3 [S-8]=2 [S-4]=1; POP [esp+4] pops 3, ESP = S-8, stores at S-8+4 = S-4
        FlatMachine fm = run("push 1\npush 2\npush 3\npop dword [esp + 4]");
        assertThat(reg(fm, ESP)).isEqualTo(STACK - 8);
        assertThat(mem32(fm, STACK - 8)).isEqualTo(2);
        assertThat(mem32(fm, STACK - 4)).isEqualTo(3);
    }

    @Test
    void popToEspItself() {
        FlatMachine fm = run("push 0xAAAA\npush 0xBBBB\npop dword [esp]");
        assertThat(reg(fm, ESP)).isEqualTo(STACK - 4);
        assertThat(mem32(fm, STACK - 4)).isEqualTo(0xBBBB);
    }

    @Test
    void pushaLayoutAndPopaSkipsEsp() {
        FlatMachine fm = run("mov eax, 1\nmov ecx, 2\nmov edx, 3\nmov ebx, 4\nmov ebp, 6\nmov esi, 7\nmov edi, 8\n"
            + "pusha\nmov eax, [esp + 28]\nmov dword [esp + 12], 0x5555\nmov ebx, 0\nmov edi, 0\npopa");
        int base = STACK - 32;
        assertThat(mem32(fm, base)).isEqualTo(8);           // EDI
        assertThat(mem32(fm, base + 4)).isEqualTo(7);       // ESI
        assertThat(mem32(fm, base + 8)).isEqualTo(6);       // EBP
        assertThat(mem32(fm, base + 16)).isEqualTo(4);      // EBX
        assertThat(mem32(fm, base + 28)).isEqualTo(1);      // EAX
        assertThat(reg(fm, ESP)).isEqualTo(STACK);          // the 0x5555 in the ESP slot was skipped
        assertThat(reg(fm, EBX)).isEqualTo(4);
        assertThat(reg(fm, EDI)).isEqualTo(8);
        assertThat(reg(fm, EBP)).isEqualTo(6);
        assertThat(reg(fm, EAX)).isEqualTo(1);
    }

    @Test
    void pushaStoresOriginalEsp() {
        FlatMachine fm = run("pusha");
        assertThat(mem32(fm, STACK - 32 + 12)).isEqualTo(STACK);
        assertThat(reg(fm, ESP)).isEqualTo(STACK - 32);
    }

    // ---------------------------------------------------------------- LAHF SAHF

    @Test
    void lahfAfterCarryingAdd() {
        // AL 0xFF + 1: CF ZF AF PF -> AH = SF:ZF:0:AF:0:PF:1:CF = 0b0101_0111
        FlatMachine fm = run("mov al, 0xFF\nadd al, 1\nlahf");
        assertThat(reg(fm, EAX) >>> 8 & 0xFF).isEqualTo(0x57);
    }

    @Test
    void sahfLoadsFiveFlagsAndKeepsOf() {
        FlatMachine fm = run("mov ah, 0xD5\nsahf", OF);
        assertFlags(fm, SF | ZF | AF | PF | CF | OF);
    }

    @Test
    void sahfClearsFiveFlagsAndKeepsOf() {
        FlatMachine fm = run("mov ah, 0\nsahf", ALL);
        assertFlags(fm, OF);
    }

    // ---------------------------------------------------------------- CMOVcc SETcc

    @Test
    void cmovMovesOnlyWhenTheConditionHolds() {
        FlatMachine fm = run("mov eax, 1\nmov ebx, 2\nmov ecx, 3\ncmp eax, ebx\ncmovl eax, ebx\ncmovg ecx, ebx\n"
            + "mov edx, 0xFFFF0000\ncmovb dx, [x]\nsection .data\nx: dw 0x4321");
        assertThat(reg(fm, EAX)).isEqualTo(2);
        assertThat(reg(fm, ECX)).isEqualTo(3);
        assertThat(reg(fm, EDX)).isEqualTo(0xFFFF4321);
    }

    @Test
    void setccAllSixteenAfterUnsignedBelowSignedLess() {
        // CMP 1, 2: CF=1 ZF=0 SF=1 OF=0 PF=1 (0xFFFFFFFF)
        FlatMachine fm = run("mov eax, 1\ncmp eax, 2\n" + setAll());
        assertThat(setResults(fm)).containsExactly(0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0);
    }

    @Test
    void setccAllSixteenAfterSignedOverflow() {
        // CMP 0x80000000, 1 = 0x7FFFFFFF: CF=0 ZF=0 SF=0 OF=1 PF=1; signed less, unsigned above
        FlatMachine fm = run("mov eax, 0x80000000\ncmp eax, 1\n" + setAll());
        assertThat(setResults(fm)).containsExactly(1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0);
    }

    @Test
    void setccAllSixteenAfterEqual() {
        // CMP 7, 7 = 0: ZF=1 PF=1, the rest clear
        FlatMachine fm = run("mov eax, 7\ncmp eax, 7\n" + setAll());
        assertThat(setResults(fm)).containsExactly(0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0);
    }

    @Test
    void setccRegisterForm() {
        FlatMachine fm = run("mov eax, 0xFFFFFFFF\nmov ebx, 0xFFFFFFFF\nxor ecx, ecx\nsete al\nsetne ah\nsetz bh");
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFF0001);
        assertThat(reg(fm, EBX)).isEqualTo(0xFFFF01FF);
    }

    private static String setAll() {
        String[] cc = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 16; k++) {
            sb.append("set").append(cc[k]).append(" byte [r + ").append(k).append("]\n");
        }
        return sb.append("section .data\nr: times 16 db 0xEE\n").toString();
    }

    private static int[] setResults(FlatMachine fm) {
        int[] r = new int[16];
        for (int k = 0; k < 16; k++) {
            r[k] = mem8(fm, DATA + k);
        }
        return r;
    }

    // ---------------------------------------------------------------- CBW CWDE CWD CDQ

    @Test
    void cbwAndCwde() {
        FlatMachine fm = run("mov eax, 0x12345680\ncbw\nmov ebx, eax\nmov eax, 0x00008000\ncwde");
        assertThat(reg(fm, EBX)).isEqualTo(0x1234FF80);
        assertThat(reg(fm, EAX)).isEqualTo(0xFFFF8000);
    }

    @Test
    void cwdAndCdq() {
        FlatMachine fm = run("mov edx, 0x12345678\nmov eax, 0x8000\ncwd\nmov ecx, edx\n"
            + "mov eax, 0x80000000\ncdq\nmov ebx, edx\nmov eax, 0x7FFFFFFF\ncdq");
        assertThat(reg(fm, ECX)).isEqualTo(0x1234FFFF);
        assertThat(reg(fm, EBX)).isEqualTo(0xFFFFFFFF);
        assertThat(reg(fm, EDX)).isZero();
    }
}
