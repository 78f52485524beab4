package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * Far control transfers: JMP far, CALL far (direct ptr16:16/32 and indirect m16:16/32), RETF and IRET, with the
 * protected-mode checks of the SDM's pseudo-code for those instructions (Vol. 2 "JMP", "CALL", "RET", "IRET").
 *
 * <pre>
 *  CALL far pushes (32-bit operand size)      RETF / IRET pop, lowest address first
 *     +4  CS  (zero-extended)                    EIP, CS, [EFLAGS (IRET)], [imm16 bytes (RETF)],
 *     +0  EIP  &lt;- ESP                               [ESP, SS  only when returning to an outer ring]
 * </pre>
 *
 * Every instruction reads its whole frame and checks every descriptor before it changes anything, so a fault
 * leaves all registers as they were. The new CS gets RPL = the new CPL. Returning to an outer ring nulls any of
 * DS, ES, FS, GS whose cached descriptor (data or non-conforming code) has DPL &lt; the new CPL.
 *
 * <p>SIMPLIFICATION: there is no hardware task switching and no call gates. A far JMP/CALL whose selector names
 * a call gate, task gate or TSS raises #GP(selector), as for any non-code descriptor; IRET with EFLAGS.NT set
 * (a return to the previous task) raises #GP(0). The VM bit of the EFLAGS image popped by IRET is ignored (there
 * is no virtual-8086 mode).
 */
final class FarOps {
    private FarOps() {
    }

    // ---------------------------------------------------------------- JMP and CALL

    /**
     * The code segment a far JMP/CALL goes to: null → #GP(0); beyond the table → #GP(sel); not a code segment →
     * #GP(sel); conforming with DPL &gt; CPL, or non-conforming with RPL &gt; CPL or DPL != CPL → #GP(sel);
     * not present → #NP(sel).
     */
    private static SegmentCache farTarget(Cpu c, int sel) {
        SegmentCache cs = Segmentation.codeDescriptor(c, sel);
        int err = sel & 0xFFFC;
        if (!cs.isCode()) {
            throw CpuFault.gp(err);
        }
        if (cs.conforming() ? cs.dpl() > c.cpl : (sel & 3) > c.cpl || cs.dpl() != c.cpl) {
            throw CpuFault.gp(err);
        }
        if (!cs.present()) {
            throw CpuFault.np(err);
        }
        return cs;
    }

    /** #GP(0) unless {@code eip} lies within the code segment's limit. */
    private static void checkOffset(SegmentCache cs, int eip) {
        if (!Segmentation.withinLimit(cs, eip, 1)) {
            throw CpuFault.gp(0);
        }
    }

    /** Loads CS from {@code cs} with RPL = {@code cpl}, sets the CPL and EIP (marks the descriptor accessed). */
    private static void commitCs(Cpu c, SegmentCache cs, int cpl, int eip) {
        markAccessed(c, cs);
        cs.selector = (cs.selector & 0xFFFC) | cpl;
        c.sregs[Cpu.CS].copyFrom(cs);
        c.setCpl(cpl);
        c.eip = eip;
        c.core.fetchMiss();
    }

    /** Sets the Accessed bit of the loaded descriptor, in memory and in the cache, as a segment load does. */
    private static void markAccessed(Cpu c, SegmentCache s) {
        if ((s.access & SegmentCache.TYPE_ACCESSED) == 0) {
            Segmentation.markAccessed(c, s.selector);
            s.access |= SegmentCache.TYPE_ACCESSED;
        }
    }

    /** JMP ptr16:16/32: a far jump to a code segment at the same privilege level. */
    static void jmpFar(Cpu c, int sel, int off, int osize) {
        sel &= 0xFFFF;
        if (osize == 2) {
            off &= 0xFFFF;
        }
        SegmentCache cs = farTarget(c, sel);
        checkOffset(cs, off);
        commitCs(c, cs, c.cpl, off);
    }

    /** JMP m16:16/32: the offset, then the selector, read from memory. */
    static void jmpFarInd(Cpu c, Insn i) {
        int ea = c.ea(i);
        int off = c.read(i.osize, i.seg, ea);
        int sel = c.read16(i.seg, ea + i.osize);
        jmpFar(c, sel, off, i.osize);
    }

    /**
     * CALL ptr16:16/32: pushes CS (zero-extended to the operand size) and the return EIP, then jumps. The
     * stack room is checked (#SS(0)) before the target offset (#GP(0)), as in the SDM's pseudo-code.
     */
    static void callFar(Cpu c, int sel, int off, int osize) {
        sel &= 0xFFFF;
        if (osize == 2) {
            off &= 0xFFFF;
        }
        SegmentCache cs = farTarget(c, sel);
        boolean big = c.sregs[Cpu.SS].big;
        int mask = big ? -1 : 0xFFFF;
        int sp = c.sp();
        int nsp = (sp - 2 * osize) & mask;
        if (!c.sregs[Cpu.SS].flatWrite) {
            Segmentation.checkWrite(c, Cpu.SS, nsp, 2 * osize);
        }
        checkOffset(cs, off);
        c.write(osize, Cpu.SS, (sp - osize) & mask, c.sregs[Cpu.CS].selector);
        c.write(osize, Cpu.SS, nsp, osize == 2 ? c.eip & 0xFFFF : c.eip);
        c.setSp(nsp);
        commitCs(c, cs, c.cpl, off);
    }

    /** CALL m16:16/32. */
    static void callFarInd(Cpu c, Insn i) {
        int ea = c.ea(i);
        int off = c.read(i.osize, i.seg, ea);
        int sel = c.read16(i.seg, ea + i.osize);
        callFar(c, sel, off, i.osize);
    }

    // ---------------------------------------------------------------- RETF and IRET

    /**
     * The code segment RETF/IRET return to: null → #GP(0); beyond the table, not code, RPL &lt; CPL, conforming
     * with DPL &gt; RPL, non-conforming with DPL != RPL → #GP(sel); not present → #NP(sel).
     */
    private static SegmentCache returnCs(Cpu c, int sel) {
        SegmentCache cs = Segmentation.codeDescriptor(c, sel);
        int rpl = sel & 3;
        int err = sel & 0xFFFC;
        if (!cs.isCode() || rpl < c.cpl || (cs.conforming() ? cs.dpl() > rpl : cs.dpl() != rpl)) {
            throw CpuFault.gp(err);
        }
        if (!cs.present()) {
            throw CpuFault.np(err);
        }
        return cs;
    }

    /**
     * The stack segment RETF/IRET return to, in ring {@code rpl}: null → #GP(0); beyond the table, RPL != rpl,
     * not writable data, DPL != rpl → #GP(sel); not present → #SS(sel).
     */
    private static SegmentCache returnStack(Cpu c, int sel, int rpl) {
        if ((sel & ~3) == 0) {
            throw CpuFault.gp(0);
        }
        long desc = Segmentation.readDescriptor(c, sel, 0);
        SegmentCache ss = new SegmentCache();
        ss.load(sel, (int) desc, (int) (desc >>> 32));
        int err = sel & 0xFFFC;
        if ((sel & 3) != rpl || !ss.writable() || ss.dpl() != rpl) {
            throw CpuFault.gp(err);
        }
        if (!ss.present()) {
            throw CpuFault.ss(err);
        }
        return ss;
    }

    /** Loads SS from a checked cache and sets ESP (or SP, for a 16-bit stack). No interrupt shadow. */
    private static void commitSs(Cpu c, SegmentCache ss, int esp) {
        markAccessed(c, ss);
        c.sregs[Cpu.SS].copyFrom(ss);
        if (ss.big) {
            c.r[Cpu.ESP] = esp;
        } else {
            c.r[Cpu.ESP] = (c.r[Cpu.ESP] & 0xFFFF0000) | (esp & 0xFFFF);
        }
    }

    /**
     * After a return to an outer ring: DS, ES, FS, GS holding data or non-conforming code with DPL &lt; CPL
     * become null (SDM "RET", "IRET"), so the outer ring cannot keep using an inner ring's segments.
     */
    private static void nullInnerSegments(Cpu c) {
        for (int s : new int[] {Cpu.ES, Cpu.DS, Cpu.FS, Cpu.GS}) {
            SegmentCache d = c.sregs[s];
            boolean dataLike = d.isData() || (d.isCode() && !d.conforming());
            if (!d.unusable && dataLike && d.dpl() < c.cpl) {
                d.loadNull(0);
            }
        }
    }

    /**
     * RETF / RETF imm16: pops EIP and CS; to the same ring, releases imm16 bytes; to an outer ring (RPL &gt; CPL)
     * also pops ESP and SS from above the imm16 bytes, switches stacks, then releases imm16 bytes on the new one.
     */
    static void retf(Cpu c, Insn i) {
        int size = i.osize;
        int imm = i.kind == Insn.K_I ? i.imm & 0xFFFF : 0;
        int eip = c.peek(size, 0);
        int sel = c.peek(size, size) & 0xFFFF;
        SegmentCache cs = returnCs(c, sel);
        int rpl = sel & 3;
        if (rpl == c.cpl) {
            checkOffset(cs, eip);
            commitCs(c, cs, rpl, eip);
            c.setSp(c.sp() + 2 * size + imm);
            return;
        }
        int esp = c.peek(size, 2 * size + imm);
        int ssSel = c.peek(size, 3 * size + imm) & 0xFFFF;
        SegmentCache ss = returnStack(c, ssSel, rpl);
        checkOffset(cs, eip);
        commitCs(c, cs, rpl, eip);
        commitSs(c, ss, esp + imm);
        nullInnerSegments(c);
    }

    /**
     * IRET/IRETD: pops EIP, CS, EFLAGS, and ESP, SS when returning to an outer ring. EFLAGS: CF PF AF ZF SF TF
     * DF OF NT always, RF AC ID with a 32-bit operand size, IF only when CPL &lt;= IOPL, IOPL only at CPL 0
     * (CPL and IOPL as they were before the return).
     */
    static void iret(Cpu c, Insn i) {
        if ((c.eflagsRest & Eflags.NT) != 0) {
            throw CpuFault.gp(0); // SIMPLIFICATION: no task return (see the class comment)
        }
        int size = i.osize;
        int eip = c.peek(size, 0);
        int sel = c.peek(size, size) & 0xFFFF;
        int flags = c.peek(size, 2 * size);
        SegmentCache cs = returnCs(c, sel);
        int rpl = sel & 3;
        int mask = iretFlagMask(c, size);
        if (rpl == c.cpl) {
            checkOffset(cs, eip);
            commitCs(c, cs, rpl, eip);
            c.setSp(c.sp() + 3 * size);
            SystemOps.loadFlags(c, flags, mask);
            return;
        }
        int esp = c.peek(size, 3 * size);
        int ssSel = c.peek(size, 4 * size) & 0xFFFF;
        SegmentCache ss = returnStack(c, ssSel, rpl);
        checkOffset(cs, eip);
        commitCs(c, cs, rpl, eip);
        commitSs(c, ss, esp);
        SystemOps.loadFlags(c, flags, mask);
        nullInnerSegments(c);
    }

    /**
     * The return from a {@link RingZeroMonitor} to the guest: IRET's protected-mode checks and loads for a return
     * from CPL 0 to the outer ring {@code csSel & 3} (1..3), with the frame given as values instead of on a stack.
     * Nothing changes when a check faults. EFLAGS is loaded whole (as IRET at CPL 0 does, IOPL and IF included).
     */
    static void returnFromMonitor(Cpu c, int eip, int csSel, int eflags, int esp, int ssSel) {
        int rpl = csSel & 3;
        if (rpl == 0) {
            throw CpuFault.gp(csSel & 0xFFFC);
        }
        SegmentCache cs = returnCs(c, csSel & 0xFFFF);
        SegmentCache ss = returnStack(c, ssSel & 0xFFFF, rpl);
        checkOffset(cs, eip);
        commitCs(c, cs, rpl, eip);
        commitSs(c, ss, esp);
        c.setEflags(eflags);
        nullInnerSegments(c);
    }

    /** The EFLAGS bits IRET may change at the current CPL and IOPL. */
    private static int iretFlagMask(Cpu c, int size) {
        int mask = Eflags.ARITH | Eflags.TF | Eflags.DF | Eflags.NT;
        if (size == 4) {
            mask |= Eflags.RF | Eflags.AC | Eflags.ID;
        }
        if (c.cpl <= c.iopl()) {
            mask |= Eflags.IF;
        }
        if (c.cpl == 0) {
            mask |= Eflags.IOPL;
        }
        return mask;
    }
}
