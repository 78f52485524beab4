package org.xenoscope.machine.cpu.diff;

/**
 * Self-modifying code (the program's code is made writable with mprotect(2) natively; Xenoscope runs without
 * paging): a store patches the immediate or the opcode of the very next instruction, or of an instruction a loop
 * has already executed. The CPU must execute the new bytes (SDM Vol. 3 §8.1.3), whatever it has decoded or
 * cached before.
 */
final class SmcKinds {
    private SmcKinds() {
    }

    static boolean patch(Ctx c) {
        int r = c.freeReg(1 << 1);
        String reg = Opnd.R32[r];
        String p = c.newLabel();
        switch (c.pick(4)) {
            case 0: {
                int v = c.imm(4);
                c.emit("mov dword [" + p + "+1], " + Ctx.hex(v, 4));
                c.label(p);
                c.emit("mov " + reg + ", strict dword " + Ctx.hex(c.imm(4), 4));
                c.m.set(r, -1, v);
                c.kind = "smc_imm32";
                break;
            }
            case 1:
                c.emit("mov byte [" + p + "+2], " + Ctx.hex(c.imm(1), 1));
                c.label(p);
                c.emit("add " + reg + ", byte " + (c.pick(256) - 128));
                c.wroteReg(r, -1);
                c.m.apply(FlagBits.Effect.ARITHMETIC);
                c.kind = "smc_imm8";
                break;
            case 2: {
                boolean toDec = c.chance(0.5);
                c.emit("mov byte [" + p + "], " + Ctx.hex((toDec ? 0x48 : 0x40) + r, 1));
                c.label(p);
                c.emit((toDec ? "inc " : "dec ") + reg);
                c.wroteReg(r, -1);
                c.m.apply(FlagBits.Effect.INC_DEC);
                c.kind = "smc_opcode";
                break;
            }
            default:
                patchInLoop(c, r, p);
                break;
        }
        return true;
    }

    /** mov ecx, n; .top: .p: mov r, imm32; add dword [.p+1], k; loop .top: r = imm + k*(n-1). */
    private static void patchInLoop(Ctx c, int r, String p) {
        int n = 2 + c.pick(4);
        int v = c.imm(4);
        int k = c.imm(4);
        String top = c.newLabel();
        c.setReg32(1, n);
        c.label(top);
        c.label(p);
        c.emit("mov " + Opnd.R32[r] + ", strict dword " + Ctx.hex(v, 4));
        c.emit("add dword [" + p + "+1], " + Ctx.hex(k, 4));
        c.emit("loop " + top);
        c.m.set(r, -1, v + k * (n - 1));
        c.m.set(1, -1, 0);
        c.m.apply(FlagBits.Effect.ARITHMETIC);
        c.kind = "smc_loop";
    }
}
