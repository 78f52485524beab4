package org.xenoscope.xen;

import java.util.function.Supplier;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.MmuUpdateCmd;
import org.xenoscope.xen.abi.MmuextCmd;
import org.xenoscope.xen.mm.FrameTable;
import org.xenoscope.xen.mm.FrameType;
import org.xenoscope.xen.mm.MmRefused;
import org.xenoscope.xen.trace.TraceEvent;

/**
 * {@code mmu_update(req, count, pdone, foreigndom)} and {@code mmuext_op(ops, count, pdone, foreigndom)}: batched
 * page-table updates and the extended commands (pin, unpin, new base pointer, TLB flushes), under the page-type
 * rules of {@link org.xenoscope.xen.mm}. A batch stops at the first refused request with -EINVAL (the request is
 * left undone, the ones before it stay done); {@code *pdone} receives the number done either way.
 *
 * <pre>
 *  mmu_update_t { u64 ptr; u64 val; }   ptr & 3: MMU_NORMAL_PT_UPDATE 0, MMU_MACHPHYS_UPDATE 1,
 *                                                 MMU_PT_UPDATE_PRESERVE_AD 2 (keep the entry's A/D bits)
 *  mmuext_op_t  { u32 cmd; u32 arg1; u32 arg2; }   arg1: mfn or linear address; arg2: count or source mfn
 * </pre>
 *
 * Every decision becomes a trace event naming the rule ("validation", or "refused" when it was refused).
 */
final class MmuOps {
    static final int MMU_UPDATE_PREEMPTED = 0x80000000;

    private MmuOps() {
    }

    static void register(Hypercalls h) {
        h.register("mmu_update", MmuOps::mmuUpdate);
        h.register("mmuext_op", MmuOps::mmuextOp);
        h.register("update_va_mapping_otherdomain", MemoryOps::updateVaMappingOtherDomain);
    }

    /**
     * The domains a request acts for: {@code [0]} owns the page tables (bits 31..16 of foreigndom: PFD + 1, 0 = the
     * caller), {@code [1]} owns the frames new entries map (bits 15..0: FD, DOMID_SELF = the caller). Only a
     * privileged domain (Domain 0's toolstack) may name another domain: -EPERM otherwise, -ESRCH for none.
     */
    static Domain[] foreign(Call c, int foreigndom) {
        Domain self = c.domain();
        int fd = foreigndom & 0xFFFF;
        int pfdPlus1 = foreigndom >>> 16;
        Domain data = fd == DomId.DOMID_SELF || fd == self.id() ? self : other(c, fd);
        Domain tables = pfdPlus1 == 0 || pfdPlus1 - 1 == self.id() ? self : other(c, pfdPlus1 - 1);
        return new Domain[] {tables, data};
    }

    private static Domain other(Call c, int id) {
        if (!c.domain().privileged()) {
            throw new HypercallError(Errno.EPERM, "d" + c.domain().id() + " may not act on d" + id + "'s memory");
        }
        Domain d = c.hv().domain(id);
        if (d == null || d.id() == Hypervisor.DOM0) {
            throw new HypercallError(Errno.ESRCH, "no guest domain " + id);
        }
        return d;
    }

    /** Contract: see the class comment. */
    static int mmuUpdate(Call c) {
        Domain[] fd = foreign(c, c.arg(3));
        int count = c.arg(1) & ~MMU_UPDATE_PREEMPTED;
        int done = 0;
        try {
            for (; done < count; done++) {
                int a = c.arg(0) + 16 * done;
                long ptr = c.mem().read64(a);
                long val = c.mem().read64(a + 8);
                update(c, ptr, val, fd[0], fd[1]);
            }
        } finally {
            if (c.arg(2) != 0) {
                c.mem().write32(c.arg(2), done);
            }
        }
        return 0;
    }

    private static void update(Call c, long ptr, long val, Domain d, Domain data) {
        int cmd = (int) (ptr & MmuUpdateCmd.CMD_MASK);
        long p = ptr & ~3L;
        FrameTable ft = c.hv().frames();
        int mfn = (int) (p >>> 12);
        switch (cmd) {
            case MmuUpdateCmd.MMU_NORMAL_PT_UPDATE, MmuUpdateCmd.MMU_PT_UPDATE_PRESERVE_AD -> decide(c, "mmu_update",
                mfn, p, () -> String.format("entry at 0x%x = 0x%x", p, val), () -> {
                    FrameType t = c.hv().pageTables().normalUpdate(p, val,
                        cmd == MmuUpdateCmd.MMU_PT_UPDATE_PRESERVE_AD, d, data);
                    if (t == FrameType.L3 && mfn == d.vcpu0.baseMfn && d == c.hv().current()) {
                        c.cpu().writeCr(3, c.cpu().cr(3)); // the CPU caches PDPTEs: reload them
                    }
                });
            case MmuUpdateCmd.MMU_MACHPHYS_UPDATE -> decide(c, "mmu_update", mfn, String.format("M2P[0x%x] = 0x%x",
                mfn, val), () -> {
                    if (!ft.valid(mfn) || ft.owner(mfn) != data.id()) {
                        throw new MmRefused(String.format("M2P update of mfn 0x%x: not d%d's frame", mfn,
                            data.id()));
                    }
                    ft.setM2p(mfn, (int) val);
                });
            default -> throw new HypercallError(Errno.ENOSYS, "mmu_update command " + cmd + " is not available");
        }
    }

    /** Contract: see the class comment. */
    static int mmuextOp(Call c) {
        Domain owner = foreign(c, c.arg(3))[1];
        int count = c.arg(1) & ~MMU_UPDATE_PREEMPTED;
        int done = 0;
        try {
            for (; done < count; done++) {
                int a = c.arg(0) + 12 * done;
                extended(c, owner, c.mem().read32(a), c.mem().read32(a + 4), c.mem().read32(a + 8));
            }
        } finally {
            if (c.arg(2) != 0) {
                c.mem().write32(c.arg(2), done);
            }
        }
        return 0;
    }

    /** One extended command; pins and unpins act on {@code owner}'s frames (the caller, or its foreign domain). */
    private static void extended(Call c, Domain owner, int cmd, int arg1, int arg2) {
        Domain d = c.domain();
        Cpu cpu = c.cpu();
        String what = MmuextCmd.NAMES.nameOrNumber(cmd);
        switch (cmd) {
            case MmuextCmd.MMUEXT_PIN_L1_TABLE -> pin(c, owner, arg1, FrameType.L1);
            case MmuextCmd.MMUEXT_PIN_L2_TABLE -> pin(c, owner, arg1, FrameType.L2);
            case MmuextCmd.MMUEXT_PIN_L3_TABLE -> {
                if (owner.flavour() != GuestFlavour.PAE) {
                    throw new HypercallError(Errno.EINVAL, "L3 tables exist only with PAE");
                }
                pin(c, owner, arg1, FrameType.L3);
            }
            case MmuextCmd.MMUEXT_UNPIN_TABLE -> decide(c, what, arg1, String.format("mfn 0x%x", arg1),
                () -> c.hv().pageTables().unpin(arg1, owner));
            case MmuextCmd.MMUEXT_NEW_BASEPTR -> decide(c, what, arg1, String.format("mfn 0x%x", arg1),
                () -> c.hv().newBaseptr(d, arg1));
            case MmuextCmd.MMUEXT_TLB_FLUSH_LOCAL, MmuextCmd.MMUEXT_TLB_FLUSH_MULTI, MmuextCmd.MMUEXT_TLB_FLUSH_ALL ->
                cpu.mmu().flushAll();
            case MmuextCmd.MMUEXT_INVLPG_LOCAL, MmuextCmd.MMUEXT_INVLPG_MULTI, MmuextCmd.MMUEXT_INVLPG_ALL ->
                cpu.mmu().flushPage(arg1);
            case MmuextCmd.MMUEXT_FLUSH_CACHE, MmuextCmd.MMUEXT_FLUSH_CACHE_GLOBAL -> { } // no caches modelled
            case MmuextCmd.MMUEXT_SET_LDT -> decide(c, what, -1, -1, () -> String.format("LDT at 0x%08x, %d "
                + "entries", arg1, arg2), () -> LdtOps.setLdt(c, arg1, arg2));
            case MmuextCmd.MMUEXT_CLEAR_PAGE -> decide(c, what, arg1, String.format("mfn 0x%x", arg1),
                () -> writePage(c, arg1, -1));
            case MmuextCmd.MMUEXT_COPY_PAGE -> decide(c, what, arg1, String.format("mfn 0x%x <- mfn 0x%x", arg1,
                arg2), () -> writePage(c, arg1, arg2));
            default -> throw new HypercallError(Errno.ENOSYS, "mmuext_op command " + what + " is not available");
        }
    }

    private static void pin(Call c, Domain owner, int mfn, FrameType t) {
        decide(c, "pin " + t, mfn, String.format("mfn 0x%x", mfn), () -> c.hv().pageTables().pin(mfn, t, owner));
    }

    /** CLEAR_PAGE (src -1) or COPY_PAGE: the destination must be obtainable as writable, the source readable. */
    private static void writePage(Call c, int dst, int src) {
        org.xenoscope.xen.mm.PageRefs refs = c.hv().refs();
        refs.getPageAndType(dst, FrameType.WRITABLE, c.domain(), "destination");
        try {
            if (src >= 0) {
                refs.getPage(src, c.domain(), "source");
                byte[] b = c.cpu().memory().read((long) src << 12, 4096);
                c.cpu().memory().load((long) dst << 12, b, 0, 4096);
                refs.putPage(src);
            } else {
                c.cpu().memory().zero((long) dst << 12, 4096);
            }
        } finally {
            refs.putPageAndType(dst);
        }
    }

    /** {@link #decide(Call, String, int, long, Supplier, Runnable)} for a request that writes no entry. */
    static void decide(Call c, String op, int mfn, String request, Runnable body) {
        decide(c, op, mfn, -1, () -> request, body);
    }

    /**
     * Runs one request under the rules and records the decision (frame type and counts before and after, and the
     * machine address {@code entry} of the page-table entry it writes, shown by the page-table view, -1 for
     * none); a refusal becomes -EINVAL carrying the rule. The trace texts are formatted only when read:
     * {@code request} must capture the values it formats, and the frame states are captured here as numbers.
     */
    static void decide(Call c, String op, int mfn, long entry, Supplier<String> request, Runnable body) {
        FrameTable ft = c.hv().frames();
        Supplier<String> before = snapshot(ft, mfn);
        try {
            body.run();
        } catch (MmRefused r) {
            emit(c, false, op, request, r.getMessage(), mfn, entry, before, snapshot(ft, mfn));
            throw new HypercallError(Errno.EINVAL, r.getMessage());
        }
        emit(c, true, op, request, "accepted", mfn, entry, before, snapshot(ft, mfn));
    }

    private static void emit(Call c, boolean ok, String op, Supplier<String> request, String rule, int mfn,
                             long entry, Supplier<String> before, Supplier<String> after) {
        Hypervisor hv = c.hv();
        int dom = c.domain().id();
        hv.emit(seq -> new TraceEvent.Validation(seq, hv.now(), dom, ok, op, request, rule, mfn, entry, before,
            after));
    }

    /** The state of {@code mfn} now, as {@link #stats} will word it when the trace is read. */
    private static Supplier<String> snapshot(FrameTable ft, int mfn) {
        if (mfn < 0) {
            return () -> "";
        }
        if (!ft.valid(mfn)) {
            return () -> "no such frame";
        }
        FrameType type = ft.type(mfn);
        int count = ft.count(mfn);
        int typeCount = ft.typeCount(mfn);
        boolean validated = ft.validated(mfn);
        boolean pinned = ft.pinned(mfn);
        return () -> stats(type, count, typeCount, validated, pinned);
    }

    static String stats(FrameTable ft, int mfn) {
        if (!ft.valid(mfn)) {
            return "no such frame";
        }
        return stats(ft.type(mfn), ft.count(mfn), ft.typeCount(mfn), ft.validated(mfn), ft.pinned(mfn));
    }

    private static String stats(FrameType type, int count, int typeCount, boolean validated, boolean pinned) {
        return String.format("%s, count %d, type count %d%s%s", type, count, typeCount,
            validated ? ", validated" : "", pinned ? ", pinned" : "");
    }
}
