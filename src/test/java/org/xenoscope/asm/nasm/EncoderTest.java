package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Encoder's contract without NASM at hand: values not known yet, the front end's ways of saying "relocatable"
 * and "short"/"near", and the errors. Expected bytes were taken from NASM 2.16.01.
 */
class EncoderTest {
    private static final long AT = 0x1000;

    private static String enc(String line) {
        LineParser.Parsed p = LineParser.parse(line, AT);
        return NasmOracle.hex(Encoder.encode(p.mnemonic(), p.prefixes(), p.operands(), AT));
    }

    private static String enc(String mnemonic, AsmOperand... ops) {
        return NasmOracle.hex(Encoder.encode(mnemonic, List.of(), List.of(ops), AT));
    }

    private static AsmOperand.Reg reg(Register r) {
        return new AsmOperand.Reg(r);
    }

    private static AsmOperand.Imm unknown() {
        return new AsmOperand.Imm(0, false, 0, false);
    }

    @Test
    void unknownValuesTakeTheLongestForm() {
        assertThat(enc("add", reg(Register.EAX), unknown())).isEqualTo("05 00 00 00 00");
        assertThat(enc("add", reg(Register.EBX), unknown())).isEqualTo("81 C3 00 00 00 00");
        assertThat(enc("push", unknown())).isEqualTo("68 00 00 00 00");
        assertThat(enc("imul", reg(Register.EAX), reg(Register.EBX), unknown())).isEqualTo("69 C3 00 00 00 00");
        assertThat(enc("shl", reg(Register.EAX), unknown())).isEqualTo("C1 E0 00");
        assertThat(enc("jmp", unknown())).isEqualTo("E9 00 00 00 00");
        assertThat(enc("jne", unknown())).isEqualTo("0F 85 00 00 00 00");
        assertThat(enc("call", unknown())).isEqualTo("E8 00 00 00 00");
        assertThat(enc("loop", unknown())).as("LOOP has only rel8").isEqualTo("E2 00");
        AsmOperand.Mem m = new AsmOperand.Mem(0, null, Register.EBX, null, 1, 0, false, 0);
        assertThat(enc("mov", reg(Register.EAX), m)).as("unknown displacement: disp32").isEqualTo(
            "8B 83 00 00 00 00");
    }

    @Test
    void knownValuesTakeTheShortForm() {
        assertThat(enc("add eax, 1")).isEqualTo("83 C0 01");
        assertThat(enc("push -128")).isEqualTo("6A 80");
        assertThat(enc("shl eax, 1")).isEqualTo("D1 E0");
        assertThat(enc("jmp $+0x81")).isEqualTo("EB 7F");
        assertThat(enc("jmp $+0x82")).isEqualTo("E9 7D 00 00 00");
        assertThat(enc("mov eax, [ebx]")).isEqualTo("8B 03");
    }

    @Test
    void strictAndDisplacementSizeExpressRelocatableValues() {
        assertThat(enc("push strict dword 5")).isEqualTo("68 05 00 00 00");
        assertThat(enc("add eax, strict dword 5")).isEqualTo("05 05 00 00 00");
        assertThat(enc("mov eax, [dword ebx+4]")).isEqualTo("8B 83 04 00 00 00");
        assertThat(enc("jmp 0x1002")).as("a plain-number target is strict: never shortened").isEqualTo(
            "E9 FD FF FF FF");
        assertThat(enc("jmp short $+2")).isEqualTo("EB 00");
        assertThat(enc("jmp near $+2")).isEqualTo("E9 FD FF FF FF");
        assertThat(enc("jmp word $+0x10")).isEqualTo("66 E9 0C 00");
        assertThat(enc("jmp far [eax]")).isEqualTo("FF 28");
    }

    @Test
    void addressesAreEncodedAsGiven() {
        AsmOperand.Mem nosplit = new AsmOperand.Mem(0, null, null, Register.EBX, 2, 0, true, 0);
        assertThat(enc("mov", reg(Register.EAX), nosplit)).as("[nosplit ebx*2]").isEqualTo(
            "8B 04 5D 00 00 00 00");
        AsmOperand.Mem indexOnly = new AsmOperand.Mem(0, null, null, Register.EBX, 1, 0, true, 0);
        assertThat(enc("mov", reg(Register.EAX), indexOnly)).as("[nosplit ebx*1]").isEqualTo(
            "8B 04 1D 00 00 00 00");
        AsmOperand.Mem espIndex = new AsmOperand.Mem(0, null, Register.EAX, Register.ESP, 1, 0, true, 0);
        assertThat(enc("mov", reg(Register.EAX), espIndex)).as("[eax+esp]: ESP becomes the base").isEqualTo(
            "8B 04 04");
    }

    @Test
    void nasmQuirks() {
        assertThat(enc("int 3")).isEqualTo("CD 03");
        assertThat(enc("int3")).isEqualTo("CC");
        assertThat(enc("xchg al, bl")).isEqualTo("86 C3");
        assertThat(enc("xchg ebx, eax")).isEqualTo("93");
        assertThat(enc("test ebx, [eax]")).isEqualTo("85 18");
        assertThat(enc("add ax, 1")).isEqualTo("66 83 C0 01");
        assertThat(enc("mov eax, [ebx*2]")).isEqualTo("8B 04 1B");
        assertThat(enc("mov eax, [ebp+ebp*3]")).isEqualTo("8B 04 AD 00 00 00 00");
        assertThat(enc("fs lock add word [eax], 1")).isEqualTo("F0 64 66 83 00 01");
        assertThat(enc("o32 movsw")).isEqualTo("A5");
        assertThat(enc("rep pause")).isEqualTo("F3 F3 90");
        assertThat(enc("es fwait")).isEqualTo("9B 26");
        assertThat(enc("setc [eax]")).as("fuzzy size: byte is the only one").isEqualTo("0F 92 00");
        assertThat(enc("smsw [eax]")).isEqualTo("0F 01 20");
        assertThat(enc("mov ds, eax")).isEqualTo("8E D8");
        assertThat(enc("loop $, cx")).isEqualTo("67 E2 FD");
        assertThat(enc("lea eax, 0x10")).isEqualTo("8D 05 10 00 00 00");
        assertThat(enc("pop cs")).isEqualTo("0F");
    }

    @Test
    void invalidInstructionsThrowOneLineMessages() {
        assertError("add [eax], 1", "operation size not specified");
        assertError("jmp short $+0x200", "short jump is out of range");
        assertError("loop $+0x200", "short jump is out of range");
        assertError("rep repne movsb", "instruction has conflicting prefixes");
        assertError("es mov eax, [es:ebx]", "instruction has conflicting segment overrides");
        assertError("mov eax, [esp*2]", "invalid 32-bit effective address");
        assertError("mov eax, [bx+bx]", "invalid 16-bit effective address");
        assertError("a16 mov eax, [ebx]", "impossible combination of address sizes");
        assertError("repne call $", "repne prefix is not allowed");
        assertError("bswap ax", "invalid combination of opcode and operands");
        assertError("mov eax, bl", "mismatch in operand sizes");
        assertError("frobnicate eax", "parser: instruction expected");
        assertError("fpu eax", "parser: instruction expected");
        assertThat(Encoder.knows("jnae")).isTrue();
        assertThat(Encoder.knows("fpu")).isFalse();
    }

    private static void assertError(String line, String message) {
        assertThatThrownBy(() -> enc(line)).as(line).isInstanceOf(EncodeException.class).hasMessage(message);
    }
}
