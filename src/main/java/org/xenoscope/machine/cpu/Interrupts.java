package org.xenoscope.machine.cpu;

import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.intr.Vector;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * Delivery of exceptions and interrupts through the IDT (SDM Vol. 3 §6.12), with the double-fault and
 * shutdown rules (§6.15, Table 6-5).
 *
 * <pre>
 *  IDT gate descriptor (interrupt gate type 0xE, trap gate type 0xF)
 *   63             48 47 46 45 44  40 39    32 31            16 15             0
 *  +-----------------+--+-----+------+-------+----------------+----------------+
 *  |  offset 31:16   | P| DPL |0 type| 0     |  segment sel.  |  offset 15:0   |
 *  +-----------------+--+-----+------+-------+----------------+----------------+
 *
 *  frame pushed on the handler's stack (higher addresses first):
 *    [SS, ESP]  only when the handler runs in an inner ring (stack from the TSS)
 *    EFLAGS, CS, EIP, [error code]
 * </pre>
 *
 * SIMPLIFICATION: task gates and 16-bit gates are not supported; they give #GP(vector*8+2) as a malformed gate
 * would. There is no virtual-8086 mode to leave.
 */
public final class Interrupts {
    /** The CPU shut down: a fault while delivering a double fault. */
    public static final class TripleFault extends RuntimeException {
        TripleFault(String report) {
            super(report, null, false, false);
        }
    }

    private final Cpu c;
    /** Vector being delivered (-1 when none): a fault during delivery escalates per Table 6-5. */
    private int delivering = -1;
    /** What raised the event being delivered (a fault during delivery is itself a FAULT). */
    private RingZeroMonitor.Kind kind = RingZeroMonitor.Kind.FAULT;

    Interrupts(Cpu c) {
        this.c = c;
    }

    /** Delivers a fault raised by an instruction (EIP already points at it). */
    public void exception(CpuFault f) {
        if (f.vector == Vector.PF) {
            c.cr2 = f.linear;
        }
        kind = RingZeroMonitor.Kind.FAULT;
        deliverChecked(f.vector, f.hasErrorCode, f.errorCode, false, true, c.eip);
    }

    /** Delivers a trap-class exception (#DB after single step, #BP, #OF) that returns to {@code returnEip}. */
    public void trap(int vector, int returnEip) {
        kind = RingZeroMonitor.Kind.TRAP;
        deliverChecked(vector, false, 0, false, false, returnEip);
    }

    /** Delivers a hardware interrupt acknowledged from the interrupt controller. */
    public void external(int vector) {
        kind = RingZeroMonitor.Kind.EXTERNAL;
        deliverChecked(vector, false, 0, false, true, c.eip);
    }

    /**
     * INT n / INT3 / INTO from an instruction: checks the gate DPL against CPL (#GP(n*8+2) when the gate is more
     * privileged), then delivers with the return address after the instruction.
     */
    public void software(int vector, int returnEip) {
        kind = RingZeroMonitor.Kind.SOFTWARE;
        deliver(vector, false, 0, true, false, returnEip);
    }

    /** Delivery with the escalation rules: a fault during delivery becomes #DF, a fault during #DF a shutdown. */
    private void deliverChecked(int vector, boolean hasErr, int err, boolean soft, boolean ext, int eipRet) {
        int outer = delivering;
        delivering = vector;
        try {
            deliver(vector, hasErr, err, soft, ext, eipRet);
            delivering = -1;
        } catch (CpuFault second) {
            delivering = -1;
            if (vector == Vector.DF) {
                throw new TripleFault(String.format(
                    "triple fault: %s while delivering a double fault at EIP=0x%08x; the CPU shut down",
                    second.getMessage(), eipRet));
            }
            if (becomesDoubleFault(vector, second.vector)) {
                kind = RingZeroMonitor.Kind.FAULT;
                deliverChecked(Vector.DF, true, 0, false, true, eipRet);
            } else {
                if (second.vector == Vector.PF) {
                    c.cr2 = second.linear;
                }
                kind = RingZeroMonitor.Kind.FAULT;
                deliverChecked(second.vector, second.hasErrorCode, second.errorCode, false, true, eipRet);
            }
        } finally {
            if (outer >= 0) {
                delivering = outer;
            }
        }
    }

    /** SDM Vol. 3 Table 6-5: which pairs of exceptions make a double fault. */
    static boolean becomesDoubleFault(int first, int second) {
        boolean secondBad = Vector.isContributory(second) || second == Vector.PF;
        if (first == Vector.PF) {
            return secondBad;
        }
        return Vector.isContributory(first) && Vector.isContributory(second);
    }

    /**
     * The delivery itself. Reads the gate, checks it, picks the stack (TSS for an inner ring), pushes the frame,
     * then commits CS:EIP, SS:ESP and EFLAGS. Any fault on the way leaves registers untouched.
     */
    private void deliver(int vector, boolean hasErr, int err, boolean soft, boolean ext, int eipRet) {
        int extBit = ext ? 1 : 0;
        int gateErr = vector * 8 + 2 + extBit;
        if (vector * 8 + 7 > c.idtLimit) {
            throw CpuFault.gp(gateErr);
        }
        int lo = c.readLinear32(c.idtBase + vector * 8);
        int hi = c.readLinear32(c.idtBase + vector * 8 + 4);
        int type = (hi >>> 8) & 0x1F;
        int gateDpl = (hi >>> 13) & 3;
        if (type != 0x0E && type != 0x0F) {
            throw CpuFault.gp(gateErr);
        }
        if (soft && gateDpl < c.cpl) {
            throw CpuFault.gp(vector * 8 + 2);
        }
        if ((hi & 0x8000) == 0) {
            throw new CpuFault(Vector.NP, gateErr);
        }
        int sel = lo >>> 16;
        int offset = (hi & 0xFFFF0000) | (lo & 0xFFFF);
        if ((sel & ~3) == 0) {
            throw CpuFault.gp(extBit);
        }
        long desc = Segmentation.readDescriptor(c, sel, extBit);
        SegmentCache cs = new SegmentCache();
        cs.load(sel, (int) desc, (int) (desc >>> 32));
        if (!cs.isCode() || cs.dpl() > c.cpl) {
            throw CpuFault.gp((sel & 0xFFFC) + extBit);
        }
        if (!cs.present()) {
            throw new CpuFault(Vector.NP, (sel & 0xFFFC) + extBit);
        }
        if (Integer.compareUnsigned(offset, cs.limit) > 0) {
            throw CpuFault.gp(extBit);
        }
        int newCpl = cs.conforming() ? c.cpl : cs.dpl();
        if (newCpl == 0 && c.monitor != null) {
            c.monitor.enter(vector, kind, hasErr, err, eipRet);
            c.core.fetchMiss();
            c.core.attention();
            return;
        }
        int flags = c.eflags();
        if (newCpl < c.cpl) {
            toInnerRing(cs, newCpl, offset, flags, hasErr, err, eipRet, extBit);
        } else {
            sameRing(cs, offset, flags, hasErr, err, eipRet);
        }
        int clear = Eflags.TF | Eflags.NT | Eflags.RF | Eflags.VM | (type == 0x0E ? Eflags.IF : 0);
        c.eflagsRest &= ~clear;
        c.core.attention();
    }

    private void sameRing(SegmentCache cs, int offset, int flags, boolean hasErr, int err, int eipRet) {
        SegmentCache ss = c.sregs[Cpu.SS];
        int sp = c.sp();
        int n = hasErr ? 16 : 12;
        int newSp = ss.big ? sp - n : (sp - n) & 0xFFFF;
        int lin = Segmentation.checkStackWrite(c, ss, newSp, n);
        writeFrame(lin, eipRet, c.sregs[Cpu.CS].selector, flags, hasErr, err, 0, 0, false);
        c.setSp(newSp);
        commitCs(cs, c.cpl, offset);
    }

    private void toInnerRing(SegmentCache cs, int newCpl, int offset, int flags, boolean hasErr, int err,
                             int eipRet, int extBit) {
        int[] stack = Segmentation.tssStack(c, newCpl, extBit);
        int ssSel = stack[0];
        int esp = stack[1];
        SegmentCache ss = Segmentation.checkNewStack(c, ssSel, newCpl, extBit);
        int n = hasErr ? 24 : 20;
        int newSp = ss.big ? esp - n : (esp - n) & 0xFFFF;
        int lin = Segmentation.checkStackWrite(c, ss, newSp, n);
        writeFrame(lin, eipRet, c.sregs[Cpu.CS].selector, flags, hasErr, err, c.r[Cpu.ESP],
            c.sregs[Cpu.SS].selector, true);
        c.sregs[Cpu.SS].copyFrom(ss);
        if (ss.big) {
            c.r[Cpu.ESP] = newSp;
        } else {
            c.r[Cpu.ESP] = (c.r[Cpu.ESP] & 0xFFFF0000) | newSp;
        }
        commitCs(cs, newCpl, offset);
    }

    /** Writes the frame at linear {@code lin} (lowest address first): [err], EIP, CS, EFLAGS, [ESP, SS]. */
    private void writeFrame(int lin, int eipRet, int csSel, int flags, boolean hasErr, int err, int oldEsp,
                            int oldSs, boolean outer) {
        boolean user = !outer && c.cpl == 3; // a ring-3 handler pushes with user rights
        int a = lin;
        if (hasErr) {
            put(a, err, user);
            a += 4;
        }
        put(a, eipRet, user);
        put(a + 4, csSel, user);
        put(a + 8, flags, user);
        if (outer) {
            put(a + 12, oldEsp, false);
            put(a + 16, oldSs, false);
        }
    }

    private void put(int lin, int v, boolean user) {
        if (user) {
            c.writeLin(4, lin, v);
        } else {
            c.writeLinear32(lin, v);
        }
    }

    private void commitCs(SegmentCache cs, int newCpl, int offset) {
        cs.selector = (cs.selector & 0xFFFC) | newCpl;
        c.sregs[Cpu.CS].copyFrom(cs);
        c.setCpl(newCpl);
        c.eip = offset;
        c.core.fetchMiss();
    }
}
