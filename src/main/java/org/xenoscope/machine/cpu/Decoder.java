package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.isa.InsnForm;
import org.xenoscope.machine.isa.InsnTable;
import org.xenoscope.machine.isa.Opnd;

/**
 * Turns instruction bytes into an {@link Insn}, driven entirely by {@link InsnTable}: at start-up the rows are
 * indexed into two 256-entry opcode maps (one-byte opcodes and the 0x0F page), each entry split by ModRM.reg
 * ("/digit") and by register-or-memory form where the table says so.
 *
 * <pre>
 *   [prefixes] [0F] opcode [ModRM [SIB]] [displacement] [immediate]      at most 15 bytes
 *   ModRM:  7-6 mod | 5-3 reg | 2-0 rm          SIB:  7-6 scale | 5-3 index | 2-0 base
 * </pre>
 *
 * Undefined encodings raise #UD, over-long instructions #GP(0), a LOCK prefix where it is not allowed #UD.
 * Fetching a byte may raise #PF (the caller's {@link Fetcher} does that).
 */
public final class Decoder {
    /** Source of instruction bytes: byte {@code i} of the instruction (0-based). */
    public interface Fetcher {
        int byteAt(int i);
    }

    /** Opcode-map entry: forms by ModRM.reg digit, for memory and register ModRM forms. */
    private static final class Entry {
        final InsnForm[] mem = new InsnForm[8];
        final InsnForm[] reg = new InsnForm[8];
        InsnForm plain;   // no ModRM, or "/r"
        InsnForm f3;      // form selected by an F3 prefix (PAUSE)
        boolean modrm;
    }

    private static final Entry[] MAP1 = new Entry[256];
    private static final Entry[] MAP2 = new Entry[256];

    static {
        for (InsnForm f : InsnTable.rows()) {
            index(f);
        }
    }

    private Decoder() {
    }

    private static void index(InsnForm f) {
        byte[] op = f.opcode();
        Entry[] map = op.length == 2 ? MAP2 : MAP1;
        int last = op[op.length - 1] & 0xFF;
        int count = f.regInOpcode() ? 8 : 1;
        for (int k = 0; k < count; k++) {
            Entry e = map[last + k];
            if (e == null) {
                e = new Entry();
                map[last + k] = e;
            }
            if (f.has(InsnForm.A_F3)) {
                e.f3 = f;
            } else if (f.ext() >= 0 && f.ext() < 8) {
                e.modrm = true;
                if (!f.has(InsnForm.A_REG_ONLY) && e.mem[f.ext()] == null) {
                    e.mem[f.ext()] = f;
                }
                if (!f.has(InsnForm.A_MEM_ONLY) && e.reg[f.ext()] == null) {
                    e.reg[f.ext()] = f;
                }
            } else if (e.plain == null || (f.sem() == org.xenoscope.machine.isa.Sem.NOP && !f.hasModrm())) {
                e.plain = f; // 0x90 is NOP, not XCHG eAX,eAX
                e.modrm = f.hasModrm();
            }
        }
    }

    /** Decodes one instruction; {@code code32} is the CS D bit (default operand and address size 32). */
    public static Insn decode(Fetcher in, boolean code32) {
        Insn i = new Insn();
        int pos = 0;
        int prefixes = 0;
        int seg = -1;
        int b;
        while (true) {
            b = fetch(in, pos++);
            int p = prefixBit(b);
            if (p == 0) {
                break;
            }
            prefixes |= p;
            if (p == Insn.P_SEG) {
                seg = segOf(b);
            }
            if (p == Insn.P_REP) {
                prefixes &= ~Insn.P_REPNE;
            } else if (p == Insn.P_REPNE) {
                prefixes &= ~Insn.P_REP;
            }
        }
        Entry e;
        int opByte = b;
        if (b == 0x0F) {
            opByte = fetch(in, pos++);
            e = MAP2[opByte];
        } else {
            e = MAP1[b];
        }
        if (e == null) {
            throw CpuFault.ud();
        }
        boolean o16 = code32 == ((prefixes & Insn.P_OSIZE) != 0);
        boolean a16 = code32 == ((prefixes & Insn.P_ASIZE) != 0);
        i.asize = a16 ? 2 : 4;
        int modrm = -1;
        InsnForm f;
        if (e.modrm) {
            modrm = fetch(in, pos++);
            int digit = (modrm >> 3) & 7;
            f = e.plain != null ? e.plain : (modrm >>> 6) == 3 ? e.reg[digit] : e.mem[digit];
        } else {
            f = (prefixes & Insn.P_REP) != 0 && e.f3 != null ? e.f3 : e.plain;
        }
        if (f == null || (f.has(InsnForm.A_MEM_ONLY) && modrm >>> 6 == 3)) {
            throw CpuFault.ud();
        }
        i.form = f;
        i.sem = f.sem();
        i.prefixes = prefixes;
        i.cc = opByte & 0xF;
        int sc = f.sizeClass();
        i.osize = sc == 0 ? (o16 ? 2 : 4) : sc;
        pos = operands(in, i, f, modrm, opByte, pos, seg);
        if (pos > 15) {
            throw CpuFault.gp(0);
        }
        i.len = pos;
        i.eaBase = i.base < 0 ? Cpu.ZERO : i.base;
        i.eaIndex = i.index < 0 ? Cpu.ZERO : i.index;
        i.eaMask = i.asize == 2 ? 0xFFFF : -1;
        checkLock(i);
        i.priv = f.has(InsnForm.A_PRIV);
        i.fast = FastOps.select(i);
        return i;
    }

    private static int fetch(Fetcher in, int pos) {
        if (pos >= 15) {
            throw CpuFault.gp(0);
        }
        return in.byteAt(pos) & 0xFF;
    }

    private static int prefixBit(int b) {
        switch (b) {
            case 0xF3: return Insn.P_REP;
            case 0xF2: return Insn.P_REPNE;
            case 0xF0: return Insn.P_LOCK;
            case 0x66: return Insn.P_OSIZE;
            case 0x67: return Insn.P_ASIZE;
            case 0x26: case 0x2E: case 0x36: case 0x3E: case 0x64: case 0x65: return Insn.P_SEG;
            default: return 0;
        }
    }

    private static int segOf(int b) {
        switch (b) {
            case 0x26: return Cpu.ES;
            case 0x2E: return Cpu.CS;
            case 0x36: return Cpu.SS;
            case 0x64: return Cpu.FS;
            case 0x65: return Cpu.GS;
            default: return Cpu.DS;
        }
    }

    /** LOCK is allowed only on the lockable forms with a memory destination (SDM Vol. 2 "LOCK"). */
    private static void checkLock(Insn i) {
        if ((i.prefixes & Insn.P_LOCK) != 0 && (!i.form.has(InsnForm.A_LOCK) || !i.isMemA())) {
            throw CpuFault.ud();
        }
    }

    /** Resolves every operand of {@code f}; returns the position after the instruction. */
    private static int operands(Fetcher in, Insn i, InsnForm f, int modrm, int opByte, int pos, int segOverride) {
        int slot = 0; // 0: next R/M operand is A, 1: next is B
        i.seg = segOverride >= 0 ? segOverride : Cpu.DS;
        if (modrm >= 0) {
            i.modrmReg = (modrm >> 3) & 7;
        }
        for (Opnd o : f.operands()) {
            int reg = -1;
            boolean mem = false;
            switch (o) {
                case RM8: case RM16: case RM32: case RMV: case M: case MFAR: case M64:
                    if ((modrm >>> 6) == 3 || f.has(InsnForm.A_REG_ONLY)) {
                        reg = modrm & 7; // MOV CRn/DRn ignore mod: always a register
                    } else {
                        pos = modrmMemory(in, i, modrm, pos, segOverride);
                        mem = true;
                    }
                    break;
                case R8: case R16: case R32: case RV:
                    reg = (modrm >> 3) & 7;
                    break;
                case ZR8: case ZRV:
                    reg = opByte & 7;
                    break;
                case AL: case EAXV:
                    reg = 0;
                    break;
                case MOFFS8: case MOFFSV:
                    i.disp = i.asize == 2 ? readImm(in, pos, 2) : readImm(in, pos, 4);
                    pos += i.asize;
                    mem = true;
                    break;
                case IMM8: case REL8: case SIMM8: case IMM16: case IMMV: case RELV: case PTR:
                    pos = immediate(in, i, o, pos);
                    continue;
                case ONE:
                    i.imm = 1;
                    i.kind = i.kind == Insn.K_R ? Insn.K_RI : i.kind == Insn.K_M ? Insn.K_MI : i.kind;
                    continue;
                case CL:
                    i.countCl = true;
                    continue;
                case DX:
                    i.portDx = true;
                    continue;
                default:
                    if (o.fixedSreg() >= 0) {
                        i.modrmReg = o.fixedSreg();
                    }
                    continue; // SREG, CREG, DREG are in modrmReg already
            }
            if (slot == 0) {
                i.a = reg;
                i.kind = mem ? Insn.K_M : Insn.K_R;
            } else if (slot == 1) {
                i.b = reg;
                i.kind = i.kind == Insn.K_R ? (mem ? Insn.K_RM : Insn.K_RR) : Insn.K_MR;
                if (o == Opnd.RM8 || o == Opnd.RM16) {
                    i.ssize = o.size;
                }
            }
            slot++;
        }
        return pos;
    }

    private static int immediate(Fetcher in, Insn i, Opnd o, int pos) {
        int v;
        int n;
        switch (o) {
            case IMM8: n = 1; v = readImm(in, pos, 1); break;
            case REL8: case SIMM8: n = 1; v = (byte) readImm(in, pos, 1); break;
            case IMM16: n = 2; v = readImm(in, pos, 2); break;
            case IMMV: case RELV: n = i.osize == 2 ? 2 : 4; v = readImm(in, pos, n);
                if (o == Opnd.RELV && n == 2) {
                    v = (short) v;
                }
                break;
            default: // PTR: offset then selector
                n = i.osize == 2 ? 2 : 4;
                i.imm = readImm(in, pos, n);
                i.imm2 = readImm(in, pos + n, 2);
                i.kind = Insn.K_I;
                return pos + n + 2;
        }
        if (i.kind == Insn.K_I && (i.sem == org.xenoscope.machine.isa.Sem.ENTER)) {
            i.imm2 = v; // ENTER imm16, imm8: the second immediate is the nesting level
        } else {
            i.imm = v;
            i.kind = i.kind == Insn.K_R ? Insn.K_RI : i.kind == Insn.K_M ? Insn.K_MI
                : i.kind == Insn.K_NONE ? Insn.K_I : i.kind;
        }
        return pos + n;
    }

    private static int readImm(Fetcher in, int pos, int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            v |= fetch(in, pos + k) << (8 * k);
        }
        return v;
    }

    /** Decodes the memory form of a ModRM byte (and SIB, displacement) into base/index/scale/disp/seg. */
    private static int modrmMemory(Fetcher in, Insn i, int modrm, int pos, int segOverride) {
        int mod = modrm >>> 6;
        int rm = modrm & 7;
        boolean ssDefault;
        if (i.asize == 2) {
            int[] bases = {Cpu.EBX, Cpu.EBX, Cpu.EBP, Cpu.EBP, -1, -1, Cpu.EBP, Cpu.EBX};
            int[] idx = {Cpu.ESI, Cpu.EDI, Cpu.ESI, Cpu.EDI, Cpu.ESI, Cpu.EDI, -1, -1};
            i.base = bases[rm];
            i.index = idx[rm];
            if (rm == 4 || rm == 5) {
                i.base = idx[rm];
                i.index = -1;
            }
            if (mod == 0 && rm == 6) {
                i.base = -1;
                i.disp = readImm(in, pos, 2);
                pos += 2;
            } else if (mod == 1) {
                i.disp = (byte) readImm(in, pos, 1);
                pos += 1;
            } else if (mod == 2) {
                i.disp = (short) readImm(in, pos, 2);
                pos += 2;
            }
            ssDefault = i.base == Cpu.EBP;
        } else {
            if (rm == 4) {
                int sib = fetch(in, pos++);
                i.scale = sib >>> 6;
                int ix = (sib >> 3) & 7;
                i.index = ix == 4 ? -1 : ix;
                int bs = sib & 7;
                if (bs == 5 && mod == 0) {
                    i.base = -1;
                    i.disp = readImm(in, pos, 4);
                    pos += 4;
                } else {
                    i.base = bs;
                }
            } else if (rm == 5 && mod == 0) {
                i.base = -1;
                i.disp = readImm(in, pos, 4);
                pos += 4;
            } else {
                i.base = rm;
            }
            if (mod == 1) {
                i.disp = (byte) readImm(in, pos, 1);
                pos += 1;
            } else if (mod == 2) {
                i.disp = readImm(in, pos, 4);
                pos += 4;
            }
            ssDefault = i.base == Cpu.ESP || i.base == Cpu.EBP;
        }
        if (segOverride < 0) {
            i.seg = ssDefault ? Cpu.SS : Cpu.DS;
        }
        return pos;
    }
}
