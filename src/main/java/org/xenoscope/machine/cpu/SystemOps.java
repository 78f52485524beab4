package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.isa.Sem;

/**
 * Flag, segment-register and system instructions: PUSHF/POPF, CLC..STD, CLI/STI, LDS..LSS, MOV to and from
 * segment, control and debug registers, PUSH/POP sreg, LGDT..STR, CLTS, LMSW/SMSW, INVLPG, IN/OUT, CPUID, RDTSC,
 * RDMSR/WRMSR, WBINVD/INVD, and the instructions this CPU refuses (SYSENTER, SYSCALL, x87 escapes).
 *
 * <p>Instructions marked privileged in the table never reach here at CPL &gt; 0 (the executor raises #GP(0)).
 * Like every executor, each method makes all accesses that can fault before it changes a register.
 *
 * <p>SIMPLIFICATION: DR0-DR3 and DR7 are storage only: no hardware breakpoints fire and DR7.GD is not enforced.
 */
final class SystemOps {
    private SystemOps() {
    }

    // ---------------------------------------------------------------- EFLAGS

    /**
     * Replaces the EFLAGS bits in {@code mask} with those of {@code v}, leaving the others alone; goes through
     * {@link Cpu#setEflags} so a change of IF or TF gets the run loop's attention.
     */
    static void loadFlags(Cpu c, int v, int mask) {
        int old = c.eflags();
        c.setEflags((old & ~mask) | (v & mask));
    }

    /** PUSHF/PUSHFD: pushes EFLAGS with RF and VM cleared in the image (SDM Vol. 2 "PUSHF"). */
    static void pushf(Cpu c, Insn i) {
        c.push(i.osize, c.eflags() & ~(Eflags.RF | Eflags.VM));
    }

    /**
     * POPF/POPFD (SDM Vol. 2 "POPF", protected mode, VM = 0): the arithmetic flags, TF, DF, NT, AC and ID always;
     * IOPL only at CPL 0; IF only when CPL &lt;= IOPL (otherwise silently unchanged, no fault). The 32-bit form
     * clears RF; the 16-bit form changes bits 15:0 only.
     */
    static void popf(Cpu c, Insn i) {
        int v = c.peek(i.osize, 0);
        int mask = Eflags.ARITH | Eflags.TF | Eflags.DF | Eflags.NT | Eflags.AC | Eflags.ID | Eflags.RF;
        if (c.cpl == 0) {
            mask |= Eflags.IOPL;
        }
        if (c.cpl <= c.iopl()) {
            mask |= Eflags.IF;
        }
        if (i.osize == 2) {
            mask &= 0xFFFF;
        } else {
            v &= ~Eflags.RF;
        }
        c.setSp(c.sp() + i.osize);
        loadFlags(c, v, mask);
    }

    // ---------------------------------------------------------------- segment registers

    /** Segment register loaded by LES, LDS, LSS, LFS, LGS, from the opcode. */
    private static int lfarSegment(Insn i) {
        byte[] op = i.form.opcode();
        switch (op[op.length - 1] & 0xFF) {
            case 0xC4: return Cpu.ES;
            case 0xC5: return Cpu.DS;
            case 0xB2: return Cpu.SS;
            case 0xB4: return Cpu.FS;
            default: return Cpu.GS;
        }
    }

    /**
     * LES/LDS/LSS/LFS/LGS r, m16:16/m16:32: reads the offset, then the 16-bit selector after it, loads the
     * segment register with the full protected-mode checks, then the general register. LSS does not inhibit
     * interrupts the way MOV SS and POP SS do, so the shadow is left as it was.
     */
    static void lfar(Cpu c, Insn i) {
        int ea = c.ea(i);
        int off = c.read(i.osize, i.seg, ea);
        int sel = c.read16(i.seg, i.asize == 2 ? (ea + i.osize) & 0xFFFF : ea + i.osize);
        int seg = lfarSegment(i);
        int shadow = c.core.shadow;
        boolean debugShadow = c.core.debugShadow;
        Segmentation.loadDataOrStack(c, seg, sel);
        c.core.shadow = shadow;
        c.core.debugShadow = debugShadow;
        c.setReg(i.osize, i.a, off);
    }

    /**
     * MOV r/m, Sreg (8C): to a register, the selector zero-extended to the operand size; to memory, always a
     * 16-bit store. Sreg 6 and 7 do not exist (#UD).
     */
    static void movFromSreg(Cpu c, Insn i) {
        if (i.modrmReg > Cpu.GS) {
            throw CpuFault.ud();
        }
        int sel = c.sregs[i.modrmReg].selector & 0xFFFF;
        if (i.isMemA()) {
            c.write16(i.seg, c.ea(i), sel);
        } else {
            c.setReg(i.osize, i.a, sel);
        }
    }

    /** MOV Sreg, r/m16 (8E): CS and sreg 6/7 give #UD; MOV SS inhibits interrupts for one instruction. */
    static void movToSreg(Cpu c, Insn i) {
        if (i.modrmReg == Cpu.CS || i.modrmReg > Cpu.GS) {
            throw CpuFault.ud();
        }
        Segmentation.loadDataOrStack(c, i.modrmReg, c.readA(i));
    }

    /**
     * PUSH Sreg. With a 32-bit operand size the SDM allows either a zero-extended 4-byte store or a 16-bit store
     * into the 4-byte slot; this CPU does the zero-extended store (as QEMU does), so the slot is well-defined.
     */
    static void pushSreg(Cpu c, Insn i) {
        c.push(i.osize, c.sregs[i.modrmReg].selector & 0xFFFF);
    }

    /** POP Sreg: loads with the full checks, then releases the slot; POP SS inhibits interrupts for one insn. */
    static void popSreg(Cpu c, Insn i) {
        int sel = c.peek(i.osize, 0) & 0xFFFF;
        boolean big = c.sregs[Cpu.SS].big;
        int esp = c.r[Cpu.ESP];
        Segmentation.loadDataOrStack(c, i.modrmReg, sel);
        if (big) {
            c.r[Cpu.ESP] = esp + i.osize;
        } else {
            c.r[Cpu.ESP] = (esp & 0xFFFF0000) | ((esp + i.osize) & 0xFFFF);
        }
    }

    // ---------------------------------------------------------------- control and debug registers

    /** MOV r32, CRn: CR0, CR2, CR3, CR4; other numbers #UD. */
    static void movFromCr(Cpu c, Insn i) {
        c.r[i.a] = c.cr(i.modrmReg);
    }

    /** MOV CRn, r32 with the checks of {@link Cpu#writeCr}. */
    static void movToCr(Cpu c, Insn i) {
        c.writeCr(i.modrmReg, c.r[i.a]);
    }

    /** DR4 and DR5 alias DR6 and DR7 unless CR4.DE is set, when they raise #UD (SDM Vol. 3 §18.2.2). */
    private static int debugRegister(Cpu c, int n) {
        if (n == 4 || n == 5) {
            if ((c.cr4 & Cpu.CR4_DE) != 0) {
                throw CpuFault.ud();
            }
            return n + 2;
        }
        return n;
    }

    static void movFromDr(Cpu c, Insn i) {
        c.r[i.a] = c.dr[debugRegister(c, i.modrmReg)];
    }

    /**
     * MOV DRn, r32. Reserved bits read back fixed:
     * <pre>
     *   DR6: bits 11:4 and 31:16 read 1, bit 12 reads 0        DR7: bit 10 reads 1, bits 15,14,12,11 read 0
     * </pre>
     */
    static void movToDr(Cpu c, Insn i) {
        int n = debugRegister(c, i.modrmReg);
        int v = c.r[i.a];
        if (n == 6) {
            v = (v & 0x0000E00F) | 0xFFFF0FF0;
        } else if (n == 7) {
            v = (v & 0xFFFF27FF) | 0x400;
        }
        c.dr[n] = v;
    }

    // ---------------------------------------------------------------- everything else

    /** The remaining system instructions, by semantic. */
    static void execute(Cpu c, Insn i) {
        switch (i.sem) {
            case CLC: c.flags.load(c.flags.get() & ~Eflags.CF); break;
            case STC: c.flags.load(c.flags.get() | Eflags.CF); break;
            case CMC: c.flags.load(c.flags.get() ^ Eflags.CF); break;
            case CLD: c.eflagsRest &= ~Eflags.DF; break;
            case STD: c.eflagsRest |= Eflags.DF; break;
            case CLI: cli(c); break;
            case STI: sti(c); break;
            case LGDT: case LIDT: loadTableRegister(c, i); break;
            case SGDT: case SIDT: storeTableRegister(c, i); break;
            case LLDT: Segmentation.loadLdt(c, c.readA(i)); break;
            case LTR: Segmentation.loadTr(c, c.readA(i)); break;
            case SLDT: storeSelector(c, i, c.ldtr.selector); break;
            case STR: storeSelector(c, i, c.tr.selector); break;
            case CLTS: c.cr0 &= ~Cpu.CR0_TS; break;
            case LMSW: lmsw(c, i); break;
            case SMSW: smsw(c, i); break;
            case INVLPG: c.mmu.flushPage(c.sregs[i.seg].base + c.ea(i)); break;
            case IN: in(c, i); break;
            case OUT: out(c, i); break;
            case CPUID: Cpuid.execute(c); break;
            case RDTSC: rdtsc(c); break;
            case RDMSR: rdmsr(c); break;
            case WRMSR: c.msrs.write(c, c.r[Cpu.ECX], (c.r[Cpu.EDX] & 0xFFFFFFFFL) << 32
                | (c.r[Cpu.EAX] & 0xFFFFFFFFL)); break;
            case WBINVD: case INVD: break; // no caches are modelled
            case FPU: throw x87Escape(c);
            case FWAIT: fwait(c); break;
            default: throw CpuFault.ud(); // SYSENTER, SYSCALL: not reported by CPUID, #UD
        }
    }

    /** CLI: #GP(0) when CPL &gt; IOPL (no PVI: there is no virtual-8086 mode). */
    private static void cli(Cpu c) {
        if (c.cpl > c.iopl()) {
            throw CpuFault.gp(0);
        }
        c.eflagsRest &= ~Eflags.IF;
    }

    /** STI: #GP(0) when CPL &gt; IOPL; setting IF from 0 inhibits interrupts until after the next instruction. */
    private static void sti(Cpu c) {
        if (c.cpl > c.iopl()) {
            throw CpuFault.gp(0);
        }
        if ((c.eflagsRest & Eflags.IF) == 0) {
            c.eflagsRest |= Eflags.IF;
            c.core.shadow = 1;
            c.core.attention();
        }
    }

    /**
     * LGDT/LIDT m: a 6-byte pseudo-descriptor.
     * <pre>
     *   +0  limit 15:0      +2  base 31:0   (with a 16-bit operand size only base 23:0 is used)
     * </pre>
     */
    private static void loadTableRegister(Cpu c, Insn i) {
        int ea = c.ea(i);
        int limit = c.read16(i.seg, ea);
        int base = c.read32(i.seg, ea + 2);
        if (i.osize == 2) {
            base &= 0x00FFFFFF;
        }
        if (i.sem == Sem.LGDT) {
            c.setGdtr(base, limit);
        } else {
            c.setIdtr(base, limit);
        }
    }

    /** SGDT/SIDT m: stores the limit and the 32-bit base (the top byte as 0 with a 16-bit operand size). */
    private static void storeTableRegister(Cpu c, Insn i) {
        boolean gdt = i.sem == Sem.SGDT;
        int base = gdt ? c.gdtBase : c.idtBase;
        int limit = gdt ? c.gdtLimit : c.idtLimit;
        if (i.osize == 2) {
            base &= 0x00FFFFFF;
        }
        int ea = c.ea(i);
        c.linWrite(i.seg, ea, 6);
        c.write16(i.seg, ea, limit);
        c.write32(i.seg, ea + 2, base);
    }

    /** SLDT/STR: to a register zero-extended to the operand size; to memory always 16 bits. */
    private static void storeSelector(Cpu c, Insn i, int sel) {
        if (i.isMemA()) {
            c.write16(i.seg, c.ea(i), sel);
        } else {
            c.setReg(i.osize, i.a, sel & 0xFFFF);
        }
    }

    /** LMSW: loads CR0 bits PE, MP, EM, TS from the operand; PE can be set but never cleared. */
    private static void lmsw(Cpu c, Insn i) {
        int v = c.readA(i);
        int bits = Cpu.CR0_PE | Cpu.CR0_MP | Cpu.CR0_EM | Cpu.CR0_TS;
        c.cr0 = (c.cr0 & ~(Cpu.CR0_MP | Cpu.CR0_EM | Cpu.CR0_TS)) | (v & bits);
    }

    /**
     * SMSW: to memory the low 16 bits of CR0; to a 32-bit register the whole of CR0 (the SDM leaves bits 31:16
     * undefined; current processors store CR0).
     */
    private static void smsw(Cpu c, Insn i) {
        if (i.isMemA()) {
            c.write16(i.seg, c.ea(i), c.cr0);
        } else {
            c.setReg(i.osize, i.a, c.cr0);
        }
    }

    private static int port(Cpu c, Insn i) {
        return i.portDx ? c.r[Cpu.EDX] & 0xFFFF : i.imm & 0xFF;
    }

    /** IN AL/AX/EAX, imm8 or DX: permission checked (IOPL, then the TSS I/O bitmap) before the device is read. */
    private static void in(Cpu c, Insn i) {
        int p = port(c, i);
        c.checkIo(p, i.osize);
        c.setReg(i.osize, Cpu.EAX, c.io.in(p, i.osize));
    }

    private static void out(Cpu c, Insn i) {
        int p = port(c, i);
        c.checkIo(p, i.osize);
        c.io.out(p, i.osize, c.getReg(i.osize, Cpu.EAX));
    }

    /** RDTSC: EDX:EAX = time-stamp counter; #GP(0) at CPL &gt; 0 when CR4.TSD is set. */
    private static void rdtsc(Cpu c) {
        if ((c.cr4 & Cpu.CR4_TSD) != 0 && c.cpl > 0) {
            throw CpuFault.gp(0);
        }
        long t = c.msrs.tsc(c);
        c.r[Cpu.EAX] = (int) t;
        c.r[Cpu.EDX] = (int) (t >>> 32);
    }

    /** RDMSR: EDX:EAX = MSR[ECX]; #GP(0) for an MSR this CPU lacks. */
    private static void rdmsr(Cpu c) {
        long v = c.msrs.read(c, c.r[Cpu.ECX]);
        c.r[Cpu.EAX] = (int) v;
        c.r[Cpu.EDX] = (int) (v >>> 32);
    }

    /**
     * An x87 escape (D8-DF). There is no x87 unit: with CR0.EM or CR0.TS set the instruction raises #NM (SDM
     * Vol. 3 Table 2-2), so lazy FPU switching and emulation traps see the fault they expect; otherwise #UD.
     */
    private static CpuFault x87Escape(Cpu c) {
        if ((c.cr0 & (Cpu.CR0_EM | Cpu.CR0_TS)) != 0) {
            return new CpuFault(Vector.NM, 0);
        }
        return CpuFault.ud();
    }

    /** WAIT/FWAIT: #NM when CR0.MP and CR0.TS are both set; otherwise nothing (no x87 errors can be pending). */
    private static void fwait(Cpu c) {
        int both = Cpu.CR0_MP | Cpu.CR0_TS;
        if ((c.cr0 & both) == both) {
            throw new CpuFault(Vector.NM, 0);
        }
    }
}
