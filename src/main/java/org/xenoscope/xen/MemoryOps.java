package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.Mmu;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.UvmFlags;

/**
 * {@code update_va_mapping(va, pte_lo, pte_hi, flags)} in the simple form this issue needs: a checked write of the
 * L1 entry that maps {@code va} in the current address space, then the requested TLB flush.
 *
 * <pre>
 *  a new present entry is refused (-EINVAL) when it
 *    - sets PAT (bit 7) or Global (bit 8), or (PAE) NX or bits above the physical-address width
 *    - names a frame the domain does not own (its shared_info and grant frames, which Xen shares with it, count)
 *    - is writable and names a page-table, GDT or LDT frame (no writable mapping of a validated frame)
 *  va at or above HYPERVISOR_VIRT_START, or with no L1 table present, is -EINVAL too.
 *  flags & UVMF_FLUSHTYPE_MASK:  UVMF_NONE keeps stale TLB entries (as real hardware would),
 *                                UVMF_INVLPG flushes va, UVMF_TLB_FLUSH flushes everything.
 * </pre>
 *
 * SIMPLIFICATION: no reference counts yet: the full page-type rules (counts, pinning, teardown) arrive with the
 * memory-virtualisation work.
 */
final class MemoryOps {
    /** PAE entry bits a guest may not set: NX (63) and 62..36 (beyond MAXPHYADDR 36). */
    static final long PAE_RESERVED = 0xFFFFFFF000000000L;

    private MemoryOps() {
    }

    static void register(Hypercalls h) {
        h.register("update_va_mapping", MemoryOps::updateVaMapping);
        h.register("grant_table_op", GrantTableOps::grantTableOp);
    }

    /** Contract: see the class comment. */
    static int updateVaMapping(Call c) {
        Domain d = c.domain();
        GuestFlavour f = d.flavour();
        int va = c.arg(0);
        long entry = (c.arg(1) & 0xFFFFFFFFL) | ((long) c.arg(2) << 32);
        int flags = c.arg(3);
        if (f.isXenAddress(va)) {
            throw new HypercallError(Errno.EINVAL, String.format("va 0x%08x is Xen's", va));
        }
        if (f == GuestFlavour.NONPAE && c.arg(2) != 0) {
            throw new HypercallError(Errno.EINVAL, "pte_hi must be 0 for a 2-level guest");
        }
        Cpu cpu = c.cpu();
        int cr3 = cpu.cr(3);
        int l1 = PageTables.l1For(cpu.memory(), f, cr3 >>> 12, f == GuestFlavour.PAE ? cr3 & 0xFE0 : 0, va);
        if (l1 < 0) {
            throw new HypercallError(Errno.EINVAL, String.format("no L1 table maps va 0x%08x", va));
        }
        if ((entry & PageTables.P) != 0) {
            checkEntry(c.hv(), d, entry);
        }
        PageTables.write(cpu.memory(), f, l1, PageTables.l1Index(f, va), entry);
        Mmu mmu = cpu.mmu();
        switch (flags & UvmFlags.UVMF_FLUSHTYPE_MASK) {
            case UvmFlags.UVMF_INVLPG -> mmu.flushPage(va);
            case UvmFlags.UVMF_TLB_FLUSH -> mmu.flushAll();
            default -> { }
        }
        return 0;
    }

    /** The L1 rules of the class comment for a present entry. */
    static void checkEntry(Hypervisor hv, Domain d, long entry) {
        if ((entry & (PageTables.PS | PageTables.G)) != 0) {
            throw new HypercallError(Errno.EINVAL, String.format("PTE 0x%x sets PAT or Global", entry));
        }
        if (d.flavour() == GuestFlavour.PAE && (entry & PAE_RESERVED) != 0) {
            throw new HypercallError(Errno.EINVAL, String.format("PTE 0x%x sets reserved bits", entry));
        }
        int mfn = PageTables.frame(entry);
        FrameTable ft = hv.frames();
        if (!ownsOrShares(hv, d, mfn)) {
            throw new HypercallError(Errno.EINVAL, String.format("frame 0x%x is not d%d's", mfn, d.id()));
        }
        if ((entry & PageTables.RW) != 0 && ft.type(mfn).isProtected()) {
            throw new HypercallError(Errno.EINVAL, String.format("frame 0x%x is a %s: no writable mapping",
                mfn, ft.type(mfn)));
        }
    }

    /** True if {@code d} owns machine frame {@code mfn} or Xen shares it with {@code d}. */
    static boolean ownsOrShares(Hypervisor hv, Domain d, int mfn) {
        FrameTable ft = hv.frames();
        if (!ft.valid(mfn)) {
            return false;
        }
        if (ft.owner(mfn) == d.id()) {
            return true;
        }
        if (mfn == d.sharedInfoMfn) {
            return true;
        }
        for (int g : d.grantFrames) {
            if (g == mfn) {
                return true;
            }
        }
        return false;
    }
}
