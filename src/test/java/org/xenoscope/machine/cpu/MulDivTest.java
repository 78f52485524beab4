package org.xenoscope.machine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenoscope.machine.cpu.Cpu.EAX;
import static org.xenoscope.machine.cpu.Cpu.EBX;
import static org.xenoscope.machine.cpu.Cpu.ECX;
import static org.xenoscope.machine.cpu.Cpu.EDX;
import static org.xenoscope.machine.cpu.Cpu.ESI;
import static org.xenoscope.machine.cpu.Snippet.AF;
import static org.xenoscope.machine.cpu.Snippet.ALL;
import static org.xenoscope.machine.cpu.Snippet.CF;
import static org.xenoscope.machine.cpu.Snippet.OF;
import static org.xenoscope.machine.cpu.Snippet.PF;
import static org.xenoscope.machine.cpu.Snippet.SF;
import static org.xenoscope.machine.cpu.Snippet.ZF;
import static org.xenoscope.machine.cpu.Snippet.assertFlags;
import static org.xenoscope.machine.cpu.Snippet.reg;
import static org.xenoscope.machine.cpu.Snippet.run;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.intr.Vector;

/**
 * MUL, IMUL (1, 2 and 3 operands), DIV, IDIV. Expected values are worked out by hand from the SDM; the flags the
 * SDM leaves undefined are checked against MulDivOps' documented choice (SF ZF PF of the low half, AF = 0; DIV
 * and IDIV change no flag) in assertions of their own.
 */
class MulDivTest {
    private static final int DEFINED = CF | OF;
    private static final int UNDEFINED = SF | ZF | AF | PF;

    // ---------------------------------------------------------------- MUL

    @Test
    void mul8WithNonzeroHighHalfSetsCfOf() {
        // 0x80 * 2 = 0x0100: AH = 1, so CF = OF = 1; upper EAX half kept
        FlatMachine fm = run("mov eax, 0x12345680\nmov bl, 2\nmul bl");
        assertThat(reg(fm, EAX)).isEqualTo(0x12340100);
        assertFlags(fm, DEFINED, CF | OF);
        assertFlags(fm, UNDEFINED, ZF | PF); // from AL = 0x00
    }

    @Test
    void mul8FittingInAlClearsCfOf() {
        FlatMachine fm = run("mov al, 15\nmov cl, 17\nmul cl", CF | OF);
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(255);
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, SF | PF); // AL = 0xFF: sign set, eight ones
    }

    @Test
    void mul8ByAh() {
        FlatMachine fm = run("mov al, 0x10\nmov ah, 0x10\nmul ah");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x100);
        assertFlags(fm, DEFINED, CF | OF);
    }

    @Test
    void mul16WritesDxAxAndKeepsUpperHalves() {
        // 0xFFFF * 0xFFFF = 0xFFFE0001
        FlatMachine fm = run("mov eax, 0xAAAAFFFF\nmov edx, 0xBBBB1234\nmov cx, 0xFFFF\nmul cx");
        assertThat(reg(fm, EAX)).isEqualTo(0xAAAA0001);
        assertThat(reg(fm, EDX)).isEqualTo(0xBBBBFFFE);
        assertFlags(fm, DEFINED, CF | OF);
        assertFlags(fm, UNDEFINED, 0); // AX = 0x0001: one bit in the low byte, PF = 0
    }

    @Test
    void mul32LargestOperands() {
        // (2^32 - 1)^2 = 0xFFFFFFFE_00000001
        FlatMachine fm = run("mov eax, 0xFFFFFFFF\nmov ebx, 0xFFFFFFFF\nmul ebx");
        assertThat(reg(fm, EDX)).isEqualTo(0xFFFFFFFE);
        assertThat(reg(fm, EAX)).isEqualTo(1);
        assertFlags(fm, DEFINED, CF | OF);
    }

    @Test
    void mul32WithZeroHighHalf() {
        FlatMachine fm = run("mov edx, 0x55\nmov eax, 0x10000\nmov ecx, 0x7FFF\nmul ecx", CF | OF);
        assertThat(reg(fm, EAX)).isEqualTo(0x7FFF0000);
        assertThat(reg(fm, EDX)).isZero();
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, PF);
    }

    @Test
    void mul32MemoryOperand() {
        FlatMachine fm = run("mov eax, 3\nmul dword [x]\nsection .data\nx: dd 0x80000000");
        assertThat(reg(fm, EDX)).isEqualTo(1);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertFlags(fm, CF | OF | SF | PF);
    }

    // ---------------------------------------------------------------- IMUL, one operand

    @Test
    void imul8MinusOneTimesMostNegativeOverflows() {
        // -128 * -1 = +128 = 0x0080: AX is not AL sign-extended
        FlatMachine fm = run("mov al, -128\nmov bl, -1\nimul bl");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x0080);
        assertFlags(fm, DEFINED, CF | OF);
        assertFlags(fm, UNDEFINED, SF);
    }

    @Test
    void imul8NegativeProductThatFits() {
        // -3 * 5 = -15 = 0xFFF1
        FlatMachine fm = run("mov al, -3\nmov bl, 5\nimul bl", CF | OF);
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0xFFF1);
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, SF); // 0xF1 has five ones: PF = 0
    }

    @Test
    void imul16ProductOfPlus32768DoesNotFit() {
        FlatMachine fm = run("mov edx, 0x12345678\nmov ax, 0x4000\nmov cx, 2\nimul cx");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x8000);
        assertThat(reg(fm, EDX)).isEqualTo(0x12340000);
        assertFlags(fm, CF | OF | SF | PF);
    }

    @Test
    void imul32MinusTwoToThe31Fits() {
        // -2 * 2^30 = -2^31 = 0xFFFFFFFF_80000000: EDX is the sign extension of EAX
        FlatMachine fm = run("mov eax, -2\nmov ebx, 0x40000000\nimul ebx", CF | OF);
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertThat(reg(fm, EDX)).isEqualTo(0xFFFFFFFF);
        assertFlags(fm, DEFINED, 0);
    }

    @Test
    void imul32SquareOverflows() {
        FlatMachine fm = run("mov eax, 0x10000\nimul eax");
        assertThat(reg(fm, EDX)).isEqualTo(1);
        assertThat(reg(fm, EAX)).isZero();
        assertFlags(fm, DEFINED, CF | OF);
        assertFlags(fm, UNDEFINED, ZF | PF);
    }

    // ---------------------------------------------------------------- IMUL, two and three operands

    @Test
    void imulTwoOperandTruncates() {
        FlatMachine fm = run("mov edx, 7\nmov eax, 0x10000\nmov ebx, 0x10000\nimul eax, ebx");
        assertThat(reg(fm, EAX)).isZero();
        assertThat(reg(fm, EDX)).isEqualTo(7);
        assertFlags(fm, CF | OF | ZF | PF);
    }

    @Test
    void imulTwoOperandMemorySource() {
        // -7 * 6 = -42 = 0xFFFFFFD6
        FlatMachine fm = run("mov ecx, -7\nimul ecx, [x]\nsection .data\nx: dd 6", CF | OF);
        assertThat(reg(fm, ECX)).isEqualTo(-42);
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, SF); // 0xD6 has five ones
    }

    @Test
    void imulThreeOperandSignExtendedImm8() {
        // 6B /r ib: 1000 * -3 = -3000 = 0xFFFFF448
        FlatMachine fm = run("mov eax, 0x55\nmov ebx, 1000\nimul eax, ebx, -3");
        assertThat(reg(fm, EAX)).isEqualTo(-3000);
        assertThat(reg(fm, EBX)).isEqualTo(1000);
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, SF | PF); // 0x48 has two ones
    }

    @Test
    void imulThreeOperandImm32MemorySourceOverflows() {
        // 69 /r id: 0x8000 * 0x10000 = 2^31, which is not a signed 32-bit value
        FlatMachine fm = run("imul ecx, dword [x], 0x10000\nsection .data\nx: dd 0x8000");
        assertThat(reg(fm, ECX)).isEqualTo(0x80000000);
        assertFlags(fm, CF | OF | SF | PF);
    }

    @Test
    void imulThreeOperand16BitImmediateIsSignExtended() {
        // 66 69 /r iw with iw = -300: 300 * -300 = -90000 = 0xFFFEA070, truncated to 0xA070
        FlatMachine fm = run("mov eax, 0x12340000\nmov bx, 300\nimul ax, bx, -300");
        assertThat(reg(fm, EAX)).isEqualTo(0x1234A070);
        assertFlags(fm, DEFINED, CF | OF);
        assertFlags(fm, UNDEFINED, SF); // 0x70 has three ones
    }

    @Test
    void imulThreeOperand16BitNegativeImmediateProductFits() {
        // 66 69 /r iw: 2 * -300 = -600 = 0xFDA8 fits in 16 bits (a zero-extended 0xFED4 would overflow)
        FlatMachine fm = run("mov bx, 2\nimul ax, bx, strict word -300", CF | OF);
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0xFDA8);
        assertFlags(fm, DEFINED, 0);
        assertFlags(fm, UNDEFINED, SF); // 0xA8 has three ones
    }

    // ---------------------------------------------------------------- DIV

    @Test
    void div8QuotientInAlRemainderInAh() {
        // 1000 / 7 = 142 (0x8E) remainder 6; flags unchanged whatever they were
        FlatMachine fm = run("mov eax, 0x123403E8\nmov bl, 7\ndiv bl", CF | ZF | OF | AF);
        assertThat(reg(fm, EAX)).isEqualTo(0x1234068E);
        assertFlags(fm, CF | ZF | OF | AF);
    }

    @Test
    void div16() {
        // DX:AX = 0x10000, / 3 = 0x5555 remainder 1
        FlatMachine fm = run("mov edx, 0xFFFF0001\nmov eax, 0xEEEE0000\nmov cx, 3\ndiv cx", SF | PF);
        assertThat(reg(fm, EAX)).isEqualTo(0xEEEE5555);
        assertThat(reg(fm, EDX)).isEqualTo(0xFFFF0001);
        assertFlags(fm, SF | PF);
    }

    @Test
    void div32IsUnsigned() {
        // (2^63 - 1) / (2^32 - 1) = 2^31 remainder 2^31 - 1
        FlatMachine fm = run("mov edx, 0x7FFFFFFF\nmov eax, 0xFFFFFFFF\nmov ecx, 0xFFFFFFFF\ndiv ecx");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertThat(reg(fm, EDX)).isEqualTo(0x7FFFFFFF);
        assertFlags(fm, 0);
    }

    @Test
    void div32MemoryOperand() {
        FlatMachine fm = run("mov edx, 1\nmov eax, 5\ndiv dword [x]\nsection .data\nx: dd 0x10");
        assertThat(reg(fm, EAX)).isEqualTo(0x10000000);
        assertThat(reg(fm, EDX)).isEqualTo(5);
    }

    @Test
    void div32ByZeroRaisesDivideError() {
        FlatMachine fm = runFault("mov eax, 5\nmov edx, 0\nmov ecx, 0\nmov esi, f\nf: div ecx");
        assertThat(reg(fm, EAX)).isEqualTo(5);
        assertThat(reg(fm, EDX)).isZero();
    }

    @Test
    void div8QuotientAbove255RaisesDivideError() {
        // 256 / 1 = 256 does not fit AL
        FlatMachine fm = runFault("mov eax, 0x100\nmov bl, 1\nmov esi, f\nf: div bl");
        assertThat(reg(fm, EAX)).isEqualTo(0x100);
    }

    @Test
    void div32QuotientAbove32BitsRaisesDivideError() {
        FlatMachine fm = runFault("mov edx, 1\nmov eax, 0\nmov ebx, 1\nmov esi, f\nf: div ebx");
        assertThat(reg(fm, EDX)).isEqualTo(1);
        assertThat(reg(fm, EAX)).isZero();
    }

    @Test
    void div16ByZeroMemoryRaisesDivideError() {
        runFault("mov esi, f\nf: div word [x]\nsection .data\nx: dw 0");
    }

    // ---------------------------------------------------------------- IDIV

    @Test
    void idiv8QuotientMinus128IsValid() {
        // -256 / 2 = -128, the most negative quotient that fits
        FlatMachine fm = run("mov ax, -256\nmov bl, 2\nidiv bl");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0x0080);
    }

    @Test
    void idiv8QuotientPlus128RaisesDivideError() {
        FlatMachine fm = runFault("mov ax, 256\nmov bl, 2\nmov esi, f\nf: idiv bl");
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(256);
    }

    @Test
    void idiv8MostNegativeDividendByMinusOneRaisesDivideError() {
        runFault("mov ax, 0x8000\nmov bl, -1\nmov esi, f\nf: idiv bl");
    }

    @Test
    void idiv16TruncatesTowardZeroRemainderTakesDividendSign() {
        // DX:AX = -100000 (0xFFFE7960); / 7 = -14285 (0xC833) remainder -5 (0xFFFB)
        FlatMachine fm = run("mov dx, 0xFFFE\nmov ax, 0x7960\nmov cx, 7\nidiv cx", ZF);
        assertThat(reg(fm, EAX) & 0xFFFF).isEqualTo(0xC833);
        assertThat(reg(fm, EDX) & 0xFFFF).isEqualTo(0xFFFB);
        assertFlags(fm, ZF);
    }

    @Test
    void idiv32NegativeDividend() {
        // -7 / 2 = -3 remainder -1
        FlatMachine fm = run("mov eax, -7\ncdq\nmov ecx, 2\nidiv ecx");
        assertThat(reg(fm, EAX)).isEqualTo(-3);
        assertThat(reg(fm, EDX)).isEqualTo(-1);
    }

    @Test
    void idiv32NegativeDivisor() {
        // 7 / -2 = -3 remainder +1
        FlatMachine fm = run("mov eax, 7\ncdq\nmov ecx, -2\nidiv ecx");
        assertThat(reg(fm, EAX)).isEqualTo(-3);
        assertThat(reg(fm, EDX)).isEqualTo(1);
    }

    @Test
    void idiv32QuotientMinusTwoToThe31IsValid() {
        // -2^32 / 2 = -2^31
        FlatMachine fm = run("mov edx, -1\nmov eax, 0\nmov ecx, 2\nidiv ecx");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertThat(reg(fm, EDX)).isZero();
    }

    @Test
    void idiv32MinIntByMinusOneRaisesDivideError() {
        // EDX:EAX = -2^31 (0xFFFFFFFF_80000000) / -1 = +2^31 does not fit
        FlatMachine fm = runFault("mov eax, 0x80000000\ncdq\nmov ecx, -1\nmov esi, f\nf: idiv ecx");
        assertThat(reg(fm, EAX)).isEqualTo(0x80000000);
        assertThat(reg(fm, EDX)).isEqualTo(-1);
    }

    @Test
    void idiv32MostNegative64BitDividendByMinusOneRaisesDivideError() {
        runFault("mov edx, 0x80000000\nmov eax, 0\nmov ecx, -1\nmov esi, f\nf: idiv ecx");
    }

    @Test
    void idiv16ByZeroRaisesDivideError() {
        runFault("mov dx, 0\nmov ax, 9\nmov bx, 0\nmov esi, f\nf: idiv bx");
    }

    @Test
    void divisionFaultLeavesFlagsAsTheyWere() {
        FlatMachine fm = Snippet.load("mov eax, 1\nmov edx, 0\nmov ecx, 0\nmov esi, f\nf: div ecx");
        IdtStubs idt = IdtStubs.install(fm);
        fm.cpu.setEflags(Eflags.FIXED1 | CF | SF);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).isEqualTo(Vector.DE);
        assertThat(idt.frameEflags() & ALL).isEqualTo(CF | SF);
    }

    /**
     * Runs {@code asm}, whose instruction at label {@code f} (address loaded into ESI first) must raise #DE:
     * checks that vector 0 was delivered with no error code and the frame's EIP at the faulting instruction.
     */
    private static FlatMachine runFault(String asm) {
        FlatMachine fm = Snippet.load(asm);
        IdtStubs idt = IdtStubs.install(fm);
        Snippet.toHalt(fm);
        assertThat(idt.vector()).as("delivered vector").isEqualTo(Vector.DE);
        assertThat(idt.pushedBytes(FlatMachine.STACK)).as("frame size: no error code").isEqualTo(12);
        assertThat(idt.frameEip()).as("EIP of the faulting instruction").isEqualTo(reg(fm, ESI));
        return fm;
    }
}
