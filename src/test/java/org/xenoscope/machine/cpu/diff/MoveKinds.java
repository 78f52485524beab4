package org.xenoscope.machine.cpu.diff;

/** MOV MOVZX MOVSX LEA XCHG XADD CMPXCHG CMPXCHG8B CBW CWDE CWD CDQ XLAT: data movement without flags (mostly). */
final class MoveKinds {
    private MoveKinds() {
    }

    /** MOV in every form: r,r r,m m,r r,imm m,imm and the accumulator moffs forms. */
    static boolean mov(Ctx c) {
        int size = c.size();
        switch (c.pick(6)) {
            case 0: {
                Opnd dst = c.reg(size);
                Opnd src = c.reg(size);
                c.emit("mov " + dst + ", " + src);
                copyKnown(c, dst, src);
                break;
            }
            case 1: {
                Opnd dst = c.reg(size);
                c.emit("mov " + dst + ", " + c.mem(size));
                c.wrote(dst);
                break;
            }
            case 2:
                c.emit("mov " + c.mem(size) + ", " + c.reg(size));
                break;
            case 3: {
                Opnd dst = c.reg(size);
                int v = c.imm(size);
                c.emit("mov " + dst + ", " + Ctx.hex(v, size));
                c.m.set(dst.reg(), dst.slice(), dst.high() ? v << 8 : v);
                break;
            }
            case 4:
                c.emit("mov " + c.mem(size) + ", " + Ctx.hex(c.imm(size), size));
                break;
            default: {
                Opnd acc = Opnd.register(size, 0);
                String moffs = "[arena+" + c.offset(0, Layout.ARENA_SIZE - size, 0, size) + "]";
                if (c.chance(0.5)) {
                    c.emit("mov " + acc + ", " + moffs);
                    c.wrote(acc);
                } else {
                    c.emit("mov " + moffs + ", " + acc);
                }
                break;
            }
        }
        c.kind = "mov";
        return true;
    }

    /** MOV r, r keeps what the model knows about the source bits. */
    private static void copyKnown(Ctx c, Opnd dst, Opnd src) {
        int srcSlice = src.slice();
        boolean known = (c.m.known[src.reg()] & srcSlice) == srcSlice;
        int v = c.m.value[src.reg()] >>> (src.high() ? 8 : 0);
        c.wrote(dst);
        if (known) {
            c.m.set(dst.reg(), dst.slice(), dst.high() ? v << 8 : v);
        }
    }

    /** MOVZX / MOVSX r16|r32, r/m8 and r32, r/m16. */
    static boolean movExtend(Ctx c) {
        String name = c.chance(0.5) ? "movzx" : "movsx";
        int dstSize = c.size1632();
        int srcSize = dstSize == 2 || c.chance(0.5) ? 1 : 2;
        Opnd dst = c.reg(dstSize);
        c.emit(name + " " + dst + ", " + c.rm(srcSize));
        c.wrote(dst);
        c.kind = name;
        return true;
    }

    /** LEA of a random address expression (no memory is accessed), 32- or 16-bit destination and address. */
    static boolean lea(Ctx c) {
        int size = c.size1632();
        Opnd dst = c.reg(size);
        String expr;
        if (c.chance(0.15)) {
            String[] forms = {"bx+si", "bx+di", "bp+si", "bp+di", "si", "di", "bp", "bx"};
            expr = forms[c.pick(forms.length)] + "+" + (c.pick(3) == 0 ? c.pick(0x10000) : c.pick(128));
        } else {
            int base = c.pick(9);
            int index = c.pick(9);
            StringBuilder sb = new StringBuilder();
            if (base < 8) {
                sb.append(Opnd.R32[base]);
            }
            if (index < 8 && index != Model.ESP) {
                sb.append(sb.length() > 0 ? "+" : "").append(Opnd.R32[index]).append("*").append(1 << c.pick(4));
            }
            int disp = c.chance(0.5) ? c.pick(256) - 128 : c.rnd.nextInt();
            sb.append(sb.length() > 0 && disp >= 0 ? "+" : "").append(disp);
            expr = sb.toString();
        }
        c.emit("lea " + dst + ", [" + expr + "]");
        c.wrote(dst);
        c.kind = expr.contains("x+") || expr.startsWith("si") || expr.startsWith("di") || expr.startsWith("bp+")
            ? "lea16" : "lea";
        return true;
    }

    /** XCHG r, r (including the one-byte XCHG EAX, r) and XCHG r, m. */
    static boolean xchg(Ctx c) {
        int size = c.size();
        Opnd a = c.chance(0.3) ? Opnd.register(size, 0) : c.reg(size);
        Opnd b = c.rm(size);
        c.emit(c.lock(b) + (c.chance(0.5) ? "xchg " + a + ", " + b : "xchg " + b + ", " + a));
        c.wrote(a);
        c.wrote(b);
        c.kind = "xchg";
        return true;
    }

    /** XADD r/m, r: flags as ADD. */
    static boolean xadd(Ctx c) {
        int size = c.size();
        Opnd dst = c.rm(size);
        Opnd src = c.reg(size);
        c.emit(c.lock(dst) + "xadd " + dst + ", " + src);
        c.wrote(dst);
        c.wrote(src);
        c.m.apply(FlagBits.Effect.ARITHMETIC);
        c.kind = "xadd";
        return true;
    }

    /** CMPXCHG r/m, r; half the time the accumulator is first made equal to the destination. */
    static boolean cmpxchg(Ctx c) {
        int size = c.size();
        Opnd dst = c.rm(size);
        Opnd src = c.reg(size);
        Opnd acc = Opnd.register(size, 0);
        if (c.chance(0.5) && (c.reserved & 1) == 0) {
            c.emit("mov " + acc + ", " + dst);
            c.wrote(acc);
        }
        c.emit(c.lock(dst) + "cmpxchg " + dst + ", " + src);
        c.wrote(dst);
        c.wrote(acc);
        c.m.apply(FlagBits.Effect.ARITHMETIC);
        c.kind = "cmpxchg";
        return true;
    }

    /** CMPXCHG8B m64; half the time EDX:EAX is first loaded from the operand so that the exchange happens. */
    static boolean cmpxchg8b(Ctx c) {
        int off = c.offset(0, Layout.ARENA_SIZE - 8, 0, 8);
        if (c.chance(0.5)) {
            c.emit("mov eax, [arena+" + off + "]");
            c.emit("mov edx, [arena+" + (off + 4) + "]");
            c.emit("cmpxchg8b [arena+" + off + "]");
        } else {
            Opnd m64 = c.mem(8, 0, Layout.ARENA_SIZE - 8, 0, 8, true);
            c.emit(c.lock(m64) + "cmpxchg8b " + m64);
        }
        c.wroteReg(0, -1);
        c.wroteReg(2, -1);
        c.m.apply(FlagBits.Effect.ZERO);
        c.kind = "cmpxchg8b";
        return true;
    }

    /** CBW CWDE CWD CDQ: sign extension of the accumulator. */
    static boolean convert(Ctx c) {
        String[] names = {"cbw", "cwde", "cwd", "cdq"};
        int k = c.pick(4);
        c.emit(names[k]);
        if (k < 2) {
            c.wroteReg(0, k == 0 ? 0xFFFF : -1);
        } else {
            c.wroteReg(2, k == 2 ? 0xFFFF : -1);
        }
        c.kind = names[k];
        return true;
    }

    /** NOP in its forms: 90, the multi-byte 0F 1F /0 (what compilers pad with), PAUSE (F3 90), 66 90. */
    static boolean nop(Ctx c) {
        String[] forms = {"nop", "nop dword [eax]", "nop word [eax+eax*1+0]", "nop eax", "pause", "xchg ax, ax",
            "nop dword [eax+0x12345678]", "hint_nop8 eax", "hint_nop38 dword [esi+0x10]", "hint_nop47 word [edx]",
            "hint_nop63 ebx"};
        c.emit(forms[c.pick(forms.length)]);
        c.kind = "nop";
        return true;
    }

    /** XLATB: AL = [EBX + AL], with EBX pointing at least 256 bytes before the end of the arena. */
    static boolean xlat(Ctx c) {
        c.setReg32(3, Layout.ARENA + c.pick(Layout.ARENA_SIZE - 255));
        c.emit("xlatb");
        c.wroteReg(0, 0xFF);
        c.kind = "xlat";
        return true;
    }
}
