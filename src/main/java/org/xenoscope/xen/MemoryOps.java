package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.Mmu;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.UvmFlags;

/**
 * {@code update_va_mapping(va, pte_lo, pte_hi, flags)}: a checked write of the L1 entry that maps {@code va} in
 * the current address space, then the requested TLB flush.
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
 * The checks are the page-type rules of {@link org.xenoscope.xen.mm}: the new entry's references are taken (a
 * frame the domain may use; "writable" type for RW), the old entry's released.
 */
final class MemoryOps {
    private MemoryOps() {
    }

    static void register(Hypercalls h) {
        h.register("update_va_mapping", MemoryOps::updateVaMapping);
        h.register("grant_table_op", GrantTableOps::grantTableOp);
    }

    /** Contract: see the class comment. */
    static int updateVaMapping(Call c) {
        return updateVaMapping(c, c.domain(), c.domain().vcpu0.baseMfn);
    }

    /**
     * Contract: {@code update_va_mapping_otherdomain(va, pte_lo, pte_hi, flags, domid)}: the same in the current
     * address space of domain {@code domid} (its base pointer), for a privileged caller (Domain 0's toolstack);
     * -EPERM for a guest, -ESRCH for no such domain.
     */
    static int updateVaMappingOtherDomain(Call c) {
        Domain[] fd = MmuOps.foreign(c, c.arg(4) & 0xFFFF);
        if (fd[1] == c.domain() && !c.domain().privileged()) {
            throw new HypercallError(Errno.EPERM, "update_va_mapping_otherdomain is for privileged domains");
        }
        return updateVaMapping(c, fd[1], fd[1].vcpu0.baseMfn);
    }

    /** The L1 table that maps {@code va} under {@code d}'s top-level table {@code top} (-1 for none), by reading it. */
    static int l1For(Call c, Domain d, int top, int va) {
        return top < 0 ? -1 : PageTables.l1For(c.cpu().memory(), d.flavour(), top, 0, va);
    }

    /** The checked write in domain {@code d}'s address space whose top-level table is {@code top}. */
    private static int updateVaMapping(Call c, Domain d, int top) {
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
        int l1 = l1For(c, d, top, va);
        if (l1 < 0) {
            throw new HypercallError(Errno.EINVAL, String.format("no L1 table maps va 0x%08x", va));
        }
        modL1(c, d, l1, PageTables.l1Index(f, va), entry);
        if (d == c.hv().current()) {
            Mmu mmu = cpu.mmu();
            switch (flags & UvmFlags.UVMF_FLUSHTYPE_MASK) {
                case UvmFlags.UVMF_INVLPG -> mmu.flushPage(va);
                case UvmFlags.UVMF_TLB_FLUSH -> mmu.flushAll();
                default -> { }
            }
        }
        return 0;
    }


    /**
     * Contract: writes entry {@code index} of L1 {@code l1} under the page-type rules (the L1 is taken as an L1
     * for the update); a refusal is -EINVAL with the rule that decided it, and nothing changes.
     */
    static void modL1(Call c, int l1, int index, long entry) {
        modL1(c, c.domain(), l1, index, entry);
    }

    /** {@link #modL1(Call, int, int, long)} for a table and frames of domain {@code d}. */
    static void modL1(Call c, Domain d, int l1, int index, long entry) {
        org.xenoscope.xen.mm.PageRefs refs = c.hv().refs();
        long at = ((long) l1 << 12) + (long) index * d.flavour().pteSize();
        MmuOps.decide(c, "update_va_mapping", l1, at,
            () -> String.format("L1 mfn 0x%x entry %d = 0x%x", l1, index, entry), () -> {
                refs.getPageType(l1, org.xenoscope.xen.mm.FrameType.L1, d, "update_va_mapping");
                try {
                    c.hv().pageTables().modL1Entry(l1, index, entry, d);
                } finally {
                    refs.putPageType(l1);
                }
            });
    }

}
