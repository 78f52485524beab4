package org.xenoscope.machine.isa;

import static org.xenoscope.machine.isa.InsnForm.A_BYTE;
import static org.xenoscope.machine.isa.InsnForm.A_F3;
import static org.xenoscope.machine.isa.InsnForm.A_LOCK;
import static org.xenoscope.machine.isa.InsnForm.A_MEM_ONLY;
import static org.xenoscope.machine.isa.InsnForm.A_PRIV;
import static org.xenoscope.machine.isa.InsnForm.A_REG_ONLY;
import static org.xenoscope.machine.isa.InsnForm.A_REP;
import static org.xenoscope.machine.isa.InsnForm.A_REPE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The instruction table: every instruction form the CPU executes, one row per encoding. It is the single source
 * of truth read by the decoder, and (in the toolchain) by the assembler, the disassembler and the help text.
 *
 * <p>Row syntax, close to the SDM's: {@code row("add", "01 /r", "rmv,rv", Sem.ADD, A_LOCK, "...")}.
 * The opcode string lists hex bytes, then an optional {@code /r} (ModRM with a register operand) or
 * {@code /0}..{@code /7} (ModRM whose reg field extends the opcode); a trailing {@code +r} on the last byte
 * means a register is encoded in its low three bits. Operands use {@link Opnd} names in lower case.
 *
 * <p>The 16 condition codes expand into 16 rows each for Jcc, SETcc and CMOVcc, named as NASM names them.
 */
public final class InsnTable {
    /** Condition-code suffixes in encoding order (low nibble of the opcode). */
    public static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge",
        "le", "g"};

    private InsnTable() {
    }

    /** All rows, in table order. */
    public static List<InsnForm> rows() {
        return Holder.ROWS;
    }

    /** Built on first use, after the static name tables below are initialised. */
    private static final class Holder {
        static final List<InsnForm> ROWS = build();
    }

    private static List<InsnForm> build() {
        List<InsnForm> t = new ArrayList<>();
        dataMovement(t);
        arithmetic(t);
        shiftsAndBits(t);
        control(t);
        strings(t);
        flagsAndSystem(t);
        return Collections.unmodifiableList(t);
    }

    private static void dataMovement(List<InsnForm> t) {
        row(t, "mov", "88 /r", "rm8,r8", Sem.MOV, 0, "copy register to r/m");
        row(t, "mov", "89 /r", "rmv,rv", Sem.MOV, 0, "copy register to r/m");
        row(t, "mov", "8A /r", "r8,rm8", Sem.MOV, 0, "copy r/m to register");
        row(t, "mov", "8B /r", "rv,rmv", Sem.MOV, 0, "copy r/m to register");
        row(t, "mov", "8C /r", "rmv,sreg", Sem.MOV_FROM_SREG, 0, "copy segment selector to r/m");
        row(t, "mov", "8E /r", "sreg,rm16", Sem.MOV_TO_SREG, 0, "load segment register (descriptor checked)");
        row(t, "mov", "A0", "al,moffs8", Sem.MOV, 0, "load AL from absolute offset");
        row(t, "mov", "A1", "eaxv,moffsv", Sem.MOV, 0, "load eAX from absolute offset");
        row(t, "mov", "A2", "moffs8,al", Sem.MOV, 0, "store AL at absolute offset");
        row(t, "mov", "A3", "moffsv,eaxv", Sem.MOV, 0, "store eAX at absolute offset");
        row(t, "mov", "B0+r", "zr8,imm8", Sem.MOV, 0, "load immediate into register");
        row(t, "mov", "B8+r", "zrv,immv", Sem.MOV, 0, "load immediate into register");
        row(t, "mov", "C6 /0", "rm8,imm8", Sem.MOV, 0, "store immediate to r/m");
        row(t, "mov", "C7 /0", "rmv,immv", Sem.MOV, 0, "store immediate to r/m");
        row(t, "mov", "0F 20 /r", "rm32,creg", Sem.MOV_FROM_CR, A_REG_ONLY | A_PRIV, "read control register");
        row(t, "mov", "0F 22 /r", "creg,rm32", Sem.MOV_TO_CR, A_REG_ONLY | A_PRIV, "write control register");
        row(t, "mov", "0F 21 /r", "rm32,dreg", Sem.MOV_FROM_DR, A_REG_ONLY | A_PRIV, "read debug register");
        row(t, "mov", "0F 23 /r", "dreg,rm32", Sem.MOV_TO_DR, A_REG_ONLY | A_PRIV, "write debug register");
        row(t, "movzx", "0F B6 /r", "rv,rm8", Sem.MOVZX, 0, "zero-extend byte");
        row(t, "movzx", "0F B7 /r", "rv,rm16", Sem.MOVZX, 0, "zero-extend word");
        row(t, "movsx", "0F BE /r", "rv,rm8", Sem.MOVSX, 0, "sign-extend byte");
        row(t, "movsx", "0F BF /r", "rv,rm16", Sem.MOVSX, 0, "sign-extend word");
        row(t, "lea", "8D /r", "rv,m", Sem.LEA, A_MEM_ONLY, "load effective address");
        row(t, "xchg", "90+r", "zrv,eaxv", Sem.XCHG, 0, "exchange register with eAX");
        row(t, "xchg", "86 /r", "rm8,r8", Sem.XCHG, A_LOCK, "exchange (locked when memory)");
        row(t, "xchg", "87 /r", "rmv,rv", Sem.XCHG, A_LOCK, "exchange (locked when memory)");
        row(t, "xadd", "0F C0 /r", "rm8,r8", Sem.XADD, A_LOCK, "exchange and add");
        row(t, "xadd", "0F C1 /r", "rmv,rv", Sem.XADD, A_LOCK, "exchange and add");
        row(t, "cmpxchg", "0F B0 /r", "rm8,r8", Sem.CMPXCHG, A_LOCK, "compare with AL and exchange");
        row(t, "cmpxchg", "0F B1 /r", "rmv,rv", Sem.CMPXCHG, A_LOCK, "compare with eAX and exchange");
        row(t, "cmpxchg8b", "0F C7 /1", "m64", Sem.CMPXCHG8B, A_MEM_ONLY | A_LOCK, "compare EDX:EAX and exchange");
        row(t, "bswap", "0F C8+r", "zrv", Sem.BSWAP, 0, "reverse byte order");
        row(t, "push", "50+r", "zrv", Sem.PUSH, 0, "push register");
        row(t, "push", "FF /6", "rmv", Sem.PUSH, 0, "push r/m");
        row(t, "push", "6A", "simm8", Sem.PUSH, 0, "push sign-extended byte");
        row(t, "push", "68", "immv", Sem.PUSH, 0, "push immediate");
        row(t, "pop", "58+r", "zrv", Sem.POP, 0, "pop into register");
        row(t, "pop", "8F /0", "rmv", Sem.POP, 0, "pop into r/m");
        row(t, "push", "06", "es", Sem.PUSH_SREG, 0, "push ES");
        row(t, "push", "0E", "cs", Sem.PUSH_SREG, 0, "push CS");
        row(t, "push", "16", "ss", Sem.PUSH_SREG, 0, "push SS");
        row(t, "push", "1E", "ds", Sem.PUSH_SREG, 0, "push DS");
        row(t, "push", "0F A0", "fs", Sem.PUSH_SREG, 0, "push FS");
        row(t, "push", "0F A8", "gs", Sem.PUSH_SREG, 0, "push GS");
        row(t, "pop", "07", "es", Sem.POP_SREG, 0, "pop ES");
        row(t, "pop", "17", "ss", Sem.POP_SREG, 0, "pop SS (inhibits interrupts for one instruction)");
        row(t, "pop", "1F", "ds", Sem.POP_SREG, 0, "pop DS");
        row(t, "pop", "0F A1", "fs", Sem.POP_SREG, 0, "pop FS");
        row(t, "pop", "0F A9", "gs", Sem.POP_SREG, 0, "pop GS");
        row(t, "pusha", "60", "", Sem.PUSHA, 0, "push all general registers");
        row(t, "popa", "61", "", Sem.POPA, 0, "pop all general registers");
        row(t, "pushf", "9C", "", Sem.PUSHF, 0, "push EFLAGS");
        row(t, "popf", "9D", "", Sem.POPF, 0, "pop EFLAGS (IOPL and IF changes privilege-checked)");
        row(t, "lahf", "9F", "", Sem.LAHF, 0, "load AH from flags");
        row(t, "sahf", "9E", "", Sem.SAHF, 0, "store AH into flags");
        for (int cc = 0; cc < 16; cc++) {
            row(t, "cmov" + CC[cc], String.format("0F %02X /r", 0x40 + cc), "rv,rmv", Sem.CMOV, 0,
                "move if condition " + CC[cc]);
            row(t, "set" + CC[cc], String.format("0F %02X /0", 0x90 + cc), "rm8", Sem.SETCC, 0,
                "set byte if condition " + CC[cc]);
        }
        row(t, "cwde", "98", "", Sem.CBW, 0, "sign-extend AL to AX (cbw) or AX to EAX (cwde)");
        row(t, "cdq", "99", "", Sem.CWD, 0, "sign-extend AX into DX (cwd) or EAX into EDX (cdq)");
        row(t, "les", "C4 /r", "rv,mfar", Sem.LFAR, A_MEM_ONLY, "load far pointer into ES:reg");
        row(t, "lds", "C5 /r", "rv,mfar", Sem.LFAR, A_MEM_ONLY, "load far pointer into DS:reg");
        row(t, "lss", "0F B2 /r", "rv,mfar", Sem.LFAR, A_MEM_ONLY, "load far pointer into SS:reg");
        row(t, "lfs", "0F B4 /r", "rv,mfar", Sem.LFAR, A_MEM_ONLY, "load far pointer into FS:reg");
        row(t, "lgs", "0F B5 /r", "rv,mfar", Sem.LFAR, A_MEM_ONLY, "load far pointer into GS:reg");
        row(t, "xlatb", "D7", "", Sem.XLAT, 0, "AL = [eBX + AL]");
    }

    private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
    private static final Sem[] ALU_SEM = {Sem.ADD, Sem.OR, Sem.ADC, Sem.SBB, Sem.AND, Sem.SUB, Sem.XOR, Sem.CMP};

    private static void arithmetic(List<InsnForm> t) {
        for (int k = 0; k < 8; k++) {
            String m = ALU[k];
            Sem s = ALU_SEM[k];
            int lock = s == Sem.CMP ? 0 : A_LOCK;
            int base = k * 8;
            row(t, m, String.format("%02X /r", base), "rm8,r8", s, lock, m + " register into r/m");
            row(t, m, String.format("%02X /r", base + 1), "rmv,rv", s, lock, m + " register into r/m");
            row(t, m, String.format("%02X /r", base + 2), "r8,rm8", s, 0, m + " r/m into register");
            row(t, m, String.format("%02X /r", base + 3), "rv,rmv", s, 0, m + " r/m into register");
            row(t, m, String.format("%02X", base + 4), "al,imm8", s, 0, m + " immediate into AL");
            row(t, m, String.format("%02X", base + 5), "eaxv,immv", s, 0, m + " immediate into eAX");
            row(t, m, String.format("80 /%d", k), "rm8,imm8", s, lock, m + " immediate into r/m");
            row(t, m, String.format("81 /%d", k), "rmv,immv", s, lock, m + " immediate into r/m");
            row(t, m, String.format("82 /%d", k), "rm8,imm8", s, lock, m + " immediate into r/m (alias of 80)");
            row(t, m, String.format("83 /%d", k), "rmv,simm8", s, lock, m + " sign-extended byte into r/m");
        }
        row(t, "test", "84 /r", "rm8,r8", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "85 /r", "rmv,rv", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "A8", "al,imm8", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "A9", "eaxv,immv", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "F6 /0", "rm8,imm8", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "F6 /1", "rm8,imm8", Sem.TEST, 0, "AND without storing the result (alias of /0)");
        row(t, "test", "F7 /0", "rmv,immv", Sem.TEST, 0, "AND without storing the result");
        row(t, "test", "F7 /1", "rmv,immv", Sem.TEST, 0, "AND without storing the result (alias of /0)");
        row(t, "inc", "40+r", "zrv", Sem.INC, 0, "increment (CF unchanged)");
        row(t, "dec", "48+r", "zrv", Sem.DEC, 0, "decrement (CF unchanged)");
        row(t, "inc", "FE /0", "rm8", Sem.INC, A_LOCK, "increment (CF unchanged)");
        row(t, "dec", "FE /1", "rm8", Sem.DEC, A_LOCK, "decrement (CF unchanged)");
        row(t, "inc", "FF /0", "rmv", Sem.INC, A_LOCK, "increment (CF unchanged)");
        row(t, "dec", "FF /1", "rmv", Sem.DEC, A_LOCK, "decrement (CF unchanged)");
        row(t, "not", "F6 /2", "rm8", Sem.NOT, A_LOCK, "one's complement");
        row(t, "not", "F7 /2", "rmv", Sem.NOT, A_LOCK, "one's complement");
        row(t, "neg", "F6 /3", "rm8", Sem.NEG, A_LOCK, "two's complement");
        row(t, "neg", "F7 /3", "rmv", Sem.NEG, A_LOCK, "two's complement");
        row(t, "mul", "F6 /4", "rm8", Sem.MUL, 0, "AX = AL * r/m8 (unsigned)");
        row(t, "mul", "F7 /4", "rmv", Sem.MUL, 0, "eDX:eAX = eAX * r/m (unsigned)");
        row(t, "imul", "F6 /5", "rm8", Sem.IMUL1, 0, "AX = AL * r/m8 (signed)");
        row(t, "imul", "F7 /5", "rmv", Sem.IMUL1, 0, "eDX:eAX = eAX * r/m (signed)");
        row(t, "imul", "0F AF /r", "rv,rmv", Sem.IMUL2, 0, "reg = reg * r/m (signed, truncated)");
        row(t, "imul", "6B /r", "rv,rmv,simm8", Sem.IMUL2, 0, "reg = r/m * sign-extended byte");
        row(t, "imul", "69 /r", "rv,rmv,immv", Sem.IMUL2, 0, "reg = r/m * immediate");
        row(t, "div", "F6 /6", "rm8", Sem.DIV, 0, "AL, AH = AX / r/m8 (unsigned; #DE)");
        row(t, "div", "F7 /6", "rmv", Sem.DIV, 0, "eAX, eDX = eDX:eAX / r/m (unsigned; #DE)");
        row(t, "idiv", "F6 /7", "rm8", Sem.IDIV, 0, "AL, AH = AX / r/m8 (signed; #DE)");
        row(t, "idiv", "F7 /7", "rmv", Sem.IDIV, 0, "eAX, eDX = eDX:eAX / r/m (signed; #DE)");
        row(t, "daa", "27", "", Sem.DAA, 0, "decimal adjust AL after packed BCD addition");
        row(t, "das", "2F", "", Sem.DAS, 0, "decimal adjust AL after packed BCD subtraction");
        row(t, "aaa", "37", "", Sem.AAA, 0, "ASCII adjust AX after unpacked BCD addition");
        row(t, "aas", "3F", "", Sem.AAS, 0, "ASCII adjust AX after unpacked BCD subtraction");
        row(t, "aam", "D4", "imm8", Sem.AAM, 0, "AH, AL = AL / imm8, AL % imm8 (#DE when imm8 is 0)");
        row(t, "aad", "D5", "imm8", Sem.AAD, 0, "AL = AH * imm8 + AL, AH = 0");
    }

    private static final String[] SHIFT = {"rol", "ror", "rcl", "rcr", "shl", "shr", "sal", "sar"};
    private static final Sem[] SHIFT_SEM = {Sem.ROL, Sem.ROR, Sem.RCL, Sem.RCR, Sem.SHL, Sem.SHR, Sem.SHL, Sem.SAR};

    private static void shiftsAndBits(List<InsnForm> t) {
        for (int k = 0; k < 8; k++) {
            String m = SHIFT[k];
            Sem s = SHIFT_SEM[k];
            String what = k == 6 ? " (alias of shl)" : "";
            row(t, m, "D0 /" + k, "rm8,one", s, 0, m + " by 1" + what);
            row(t, m, "D1 /" + k, "rmv,one", s, 0, m + " by 1" + what);
            row(t, m, "D2 /" + k, "rm8,cl", s, 0, m + " by CL" + what);
            row(t, m, "D3 /" + k, "rmv,cl", s, 0, m + " by CL" + what);
            row(t, m, "C0 /" + k, "rm8,imm8", s, 0, m + " by immediate" + what);
            row(t, m, "C1 /" + k, "rmv,imm8", s, 0, m + " by immediate" + what);
        }
        row(t, "shld", "0F A4 /r", "rmv,rv,imm8", Sem.SHLD, 0, "double-precision shift left");
        row(t, "shld", "0F A5 /r", "rmv,rv,cl", Sem.SHLD, 0, "double-precision shift left by CL");
        row(t, "shrd", "0F AC /r", "rmv,rv,imm8", Sem.SHRD, 0, "double-precision shift right");
        row(t, "shrd", "0F AD /r", "rmv,rv,cl", Sem.SHRD, 0, "double-precision shift right by CL");
        row(t, "bt", "0F A3 /r", "rmv,rv", Sem.BT, 0, "bit test");
        row(t, "bts", "0F AB /r", "rmv,rv", Sem.BTS, A_LOCK, "bit test and set");
        row(t, "btr", "0F B3 /r", "rmv,rv", Sem.BTR, A_LOCK, "bit test and reset");
        row(t, "btc", "0F BB /r", "rmv,rv", Sem.BTC, A_LOCK, "bit test and complement");
        row(t, "bt", "0F BA /4", "rmv,imm8", Sem.BT, 0, "bit test");
        row(t, "bts", "0F BA /5", "rmv,imm8", Sem.BTS, A_LOCK, "bit test and set");
        row(t, "btr", "0F BA /6", "rmv,imm8", Sem.BTR, A_LOCK, "bit test and reset");
        row(t, "btc", "0F BA /7", "rmv,imm8", Sem.BTC, A_LOCK, "bit test and complement");
        row(t, "bsf", "0F BC /r", "rv,rmv", Sem.BSF, 0, "bit scan forward");
        row(t, "bsr", "0F BD /r", "rv,rmv", Sem.BSR, 0, "bit scan reverse");
    }

    private static void control(List<InsnForm> t) {
        row(t, "jmp", "EB", "rel8", Sem.JMP, 0, "jump short");
        row(t, "jmp", "E9", "relv", Sem.JMP, 0, "jump near");
        row(t, "jmp", "FF /4", "rmv", Sem.JMP_IND, 0, "jump near, absolute indirect");
        row(t, "jmp", "EA", "ptr", Sem.JMP_FAR, 0, "jump far, absolute");
        row(t, "jmp", "FF /5", "mfar", Sem.JMP_FAR_IND, A_MEM_ONLY, "jump far, indirect");
        row(t, "call", "E8", "relv", Sem.CALL, 0, "call near");
        row(t, "call", "FF /2", "rmv", Sem.CALL_IND, 0, "call near, absolute indirect");
        row(t, "call", "9A", "ptr", Sem.CALL_FAR, 0, "call far, absolute");
        row(t, "call", "FF /3", "mfar", Sem.CALL_FAR_IND, A_MEM_ONLY, "call far, indirect");
        for (int cc = 0; cc < 16; cc++) {
            row(t, "j" + CC[cc], String.format("%02X", 0x70 + cc), "rel8", Sem.JCC, 0, "jump short if " + CC[cc]);
            row(t, "j" + CC[cc], String.format("0F %02X", 0x80 + cc), "relv", Sem.JCC, 0, "jump near if " + CC[cc]);
        }
        row(t, "ret", "C3", "", Sem.RET, 0, "return near");
        row(t, "ret", "C2", "imm16", Sem.RET, 0, "return near and pop imm16 bytes");
        row(t, "retf", "CB", "", Sem.RETF, 0, "return far (to an outer ring too)");
        row(t, "retf", "CA", "imm16", Sem.RETF, 0, "return far and pop imm16 bytes");
        row(t, "loop", "E2", "rel8", Sem.LOOP, 0, "decrement eCX, jump if not zero");
        row(t, "loope", "E1", "rel8", Sem.LOOPE, 0, "decrement eCX, jump if not zero and ZF");
        row(t, "loopne", "E0", "rel8", Sem.LOOPNE, 0, "decrement eCX, jump if not zero and not ZF");
        row(t, "jecxz", "E3", "rel8", Sem.JECXZ, 0, "jump if eCX is zero");
        row(t, "enter", "C8", "imm16,imm8", Sem.ENTER, 0, "make a stack frame");
        row(t, "leave", "C9", "", Sem.LEAVE, 0, "release a stack frame");
        row(t, "int", "CD", "imm8", Sem.INT, 0, "software interrupt (gate DPL checked)");
        row(t, "int3", "CC", "", Sem.INT3, 0, "breakpoint trap");
        row(t, "into", "CE", "", Sem.INTO, 0, "overflow trap if OF");
        row(t, "bound", "62 /r", "rv,m", Sem.BOUND, A_MEM_ONLY, "#BR unless lower <= reg <= upper (signed, in m)");
        row(t, "iret", "CF", "", Sem.IRET, 0, "return from interrupt (to an outer ring too)");
        row(t, "hlt", "F4", "", Sem.HLT, A_PRIV, "halt until an interrupt");
        row(t, "pause", "90", "", Sem.NOP, A_F3, "spin-loop hint");
        row(t, "nop", "90", "", Sem.NOP, 0, "no operation");
        row(t, "nop", "0F 1F /0", "rmv", Sem.NOP, 0, "multi-byte no operation");
        hintNops(t);
        row(t, "ud2", "0F 0B", "", Sem.UD2, 0, "raise #UD");
    }

    /**
     * The reserved-NOP space 0F 19..0F 1F /digit (SDM Vol. 2 "NOP": opcodes reserved for future hints, executed as
     * NOPs with a ModRM operand that is decoded but never accessed). NASM names 0F xx /d "hint_nop" + ((xx - 0x18)
     * * 8 + d); 0F 1F /0 is the documented NOP above. Not in the table: 0F 18 (the prefetch hints, which NASM
     * and objdump spell differently) and 0F 1A, 0F 1B (MPX's BND instructions in objdump's decoding, whose
     * operands are bound registers the table has no kind for).
     */
    private static void hintNops(List<InsnForm> t) {
        for (int op = 0x19; op <= 0x1F; op++) {
            if (op == 0x1A || op == 0x1B) {
                continue;
            }
            for (int d = op == 0x1F ? 1 : 0; d < 8; d++) {
                row(t, "hint_nop" + ((op - 0x18) * 8 + d), String.format("0F %02X /%d", op, d), "rmv", Sem.NOP, 0,
                    "reserved no operation (hint)");
            }
        }
    }

    private static void strings(List<InsnForm> t) {
        row(t, "movsb", "A4", "", Sem.MOVS, A_REP | A_BYTE, "copy byte [eSI] to ES:[eDI]");
        row(t, "movsd", "A5", "", Sem.MOVS, A_REP, "copy word/dword [eSI] to ES:[eDI]");
        row(t, "stosb", "AA", "", Sem.STOS, A_REP | A_BYTE, "store AL to ES:[eDI]");
        row(t, "stosd", "AB", "", Sem.STOS, A_REP, "store eAX to ES:[eDI]");
        row(t, "lodsb", "AC", "", Sem.LODS, A_REP | A_BYTE, "load AL from [eSI]");
        row(t, "lodsd", "AD", "", Sem.LODS, A_REP, "load eAX from [eSI]");
        row(t, "cmpsb", "A6", "", Sem.CMPS, A_REPE | A_BYTE, "compare [eSI] with ES:[eDI]");
        row(t, "cmpsd", "A7", "", Sem.CMPS, A_REPE, "compare [eSI] with ES:[eDI]");
        row(t, "scasb", "AE", "", Sem.SCAS, A_REPE | A_BYTE, "compare AL with ES:[eDI]");
        row(t, "scasd", "AF", "", Sem.SCAS, A_REPE, "compare eAX with ES:[eDI]");
        row(t, "insb", "6C", "", Sem.INS, A_REP | A_BYTE, "input byte from port DX to ES:[eDI]");
        row(t, "insd", "6D", "", Sem.INS, A_REP, "input from port DX to ES:[eDI]");
        row(t, "outsb", "6E", "", Sem.OUTS, A_REP | A_BYTE, "output byte [eSI] to port DX");
        row(t, "outsd", "6F", "", Sem.OUTS, A_REP, "output [eSI] to port DX");
    }

    private static void flagsAndSystem(List<InsnForm> t) {
        row(t, "clc", "F8", "", Sem.CLC, 0, "clear CF");
        row(t, "stc", "F9", "", Sem.STC, 0, "set CF");
        row(t, "cmc", "F5", "", Sem.CMC, 0, "complement CF");
        row(t, "cld", "FC", "", Sem.CLD, 0, "clear DF");
        row(t, "std", "FD", "", Sem.STD, 0, "set DF");
        row(t, "cli", "FA", "", Sem.CLI, 0, "clear IF (needs CPL <= IOPL)");
        row(t, "sti", "FB", "", Sem.STI, 0, "set IF (needs CPL <= IOPL; interrupts wait one instruction)");
        row(t, "lgdt", "0F 01 /2", "m", Sem.LGDT, A_MEM_ONLY | A_PRIV, "load GDTR");
        row(t, "sgdt", "0F 01 /0", "m", Sem.SGDT, A_MEM_ONLY, "store GDTR");
        row(t, "lidt", "0F 01 /3", "m", Sem.LIDT, A_MEM_ONLY | A_PRIV, "load IDTR");
        row(t, "sidt", "0F 01 /1", "m", Sem.SIDT, A_MEM_ONLY, "store IDTR");
        row(t, "smsw", "0F 01 /4", "rmv", Sem.SMSW, 0, "store machine status word (CR0 low bits)");
        row(t, "lmsw", "0F 01 /6", "rm16", Sem.LMSW, A_PRIV, "load machine status word");
        row(t, "invlpg", "0F 01 /7", "m", Sem.INVLPG, A_MEM_ONLY | A_PRIV, "invalidate the TLB entry of a page");
        row(t, "sldt", "0F 00 /0", "rmv", Sem.SLDT, 0, "store LDTR selector");
        row(t, "str", "0F 00 /1", "rmv", Sem.STR, 0, "store task register selector");
        row(t, "lldt", "0F 00 /2", "rm16", Sem.LLDT, A_PRIV, "load LDTR");
        row(t, "ltr", "0F 00 /3", "rm16", Sem.LTR, A_PRIV, "load task register");
        row(t, "arpl", "63 /r", "rm16,r16", Sem.ARPL, 0, "raise a selector's RPL to the source's (ZF = adjusted)");
        row(t, "lar", "0F 02 /r", "rv,rm16", Sem.LAR, 0, "load access rights of a selector's descriptor (ZF)");
        row(t, "lsl", "0F 03 /r", "rv,rm16", Sem.LSL, 0, "load segment limit of a selector's descriptor (ZF)");
        row(t, "verr", "0F 00 /4", "rm16", Sem.VERR, 0, "ZF = segment readable at CPL and RPL");
        row(t, "verw", "0F 00 /5", "rm16", Sem.VERW, 0, "ZF = segment writable at CPL and RPL");
        row(t, "clts", "0F 06", "", Sem.CLTS, A_PRIV, "clear CR0.TS");
        row(t, "in", "E4", "al,imm8", Sem.IN, 0, "input byte from port");
        row(t, "in", "E5", "eaxv,imm8", Sem.IN, 0, "input from port");
        row(t, "in", "EC", "al,dx", Sem.IN, 0, "input byte from port DX");
        row(t, "in", "ED", "eaxv,dx", Sem.IN, 0, "input from port DX");
        row(t, "out", "E6", "imm8,al", Sem.OUT, 0, "output byte to port");
        row(t, "out", "E7", "imm8,eaxv", Sem.OUT, 0, "output to port");
        row(t, "out", "EE", "dx,al", Sem.OUT, 0, "output byte to port DX");
        row(t, "out", "EF", "dx,eaxv", Sem.OUT, 0, "output to port DX");
        row(t, "cpuid", "0F A2", "", Sem.CPUID, 0, "CPU identification");
        row(t, "rdtsc", "0F 31", "", Sem.RDTSC, 0, "read time-stamp counter (virtual cycles)");
        row(t, "rdmsr", "0F 32", "", Sem.RDMSR, A_PRIV, "read model-specific register");
        row(t, "wrmsr", "0F 30", "", Sem.WRMSR, A_PRIV, "write model-specific register");
        row(t, "wbinvd", "0F 09", "", Sem.WBINVD, A_PRIV, "write back and invalidate caches (no-op)");
        row(t, "invd", "0F 08", "", Sem.INVD, A_PRIV, "invalidate caches (no-op)");
        row(t, "sysenter", "0F 34", "", Sem.SYSENTER, 0, "fast system call (raises #UD here)");
        row(t, "syscall", "0F 05", "", Sem.SYSCALL, 0, "fast system call (raises #UD here)");
        row(t, "fwait", "9B", "", Sem.FWAIT, 0, "wait for x87 (#NM when CR0.MP and CR0.TS, else no-op)");
        for (int esc = 0; esc < 8; esc++) {
            row(t, "fpu", String.format("%02X /r", 0xD8 + esc), "rmv", Sem.FPU, 0,
                "x87 escape: #NM when CR0.TS or CR0.EM, otherwise #UD (no x87 unit)");
        }
    }

    /** Parses one row in the table syntax and appends it. */
    private static void row(List<InsnForm> t, String mnemonic, String opcode, String operands, Sem sem, int attrs,
                            String summary) {
        String[] tok = opcode.trim().split("\\s+");
        List<Byte> bytes = new ArrayList<>();
        int ext = InsnForm.EXT_NONE;
        for (String s : tok) {
            if (s.equals("/r")) {
                ext = InsnForm.EXT_REG;
            } else if (s.startsWith("/")) {
                ext = Integer.parseInt(s.substring(1));
            } else {
                bytes.add((byte) Integer.parseInt(s.replace("+r", ""), 16));
            }
        }
        byte[] op = new byte[bytes.size()];
        for (int i = 0; i < op.length; i++) {
            op[i] = bytes.get(i);
        }
        List<Opnd> ops = new ArrayList<>();
        if (!operands.isEmpty()) {
            for (String o : operands.split(",")) {
                ops.add(Opnd.valueOf(o.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        t.add(new InsnForm(mnemonic, op, ext, List.copyOf(ops), sem, attrs, summary));
    }
}
