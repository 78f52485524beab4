package org.xenoscope.machine.mmu;

import static org.xenoscope.machine.mmu.Pte.PTE_A;
import static org.xenoscope.machine.mmu.Pte.PTE_D;
import static org.xenoscope.machine.mmu.Pte.PTE_P;
import static org.xenoscope.machine.mmu.Pte.PTE_PS;
import static org.xenoscope.machine.mmu.Pte.PTE_U;
import static org.xenoscope.machine.mmu.Pte.PTE_W;

import java.util.Arrays;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.machine.mem.PhysicalMemory;

/**
 * Linear-to-physical translation: 2-level and PAE paging with a TLB in front (SDM Vol. 3 ch. 4).
 *
 * <p>The TLB is a direct-mapped array indexed by linear page number. An entry holds the physical frame and the
 * kinds of access it already allows:
 * <pre>
 *   31                         12 11        4   3       2       1       0
 *  +-----------------------------+-----------+-------+-------+-------+-------+
 *  |    physical frame number    |     0     | W_USR | R_USR | W_SUP | R_SUP |
 *  +-----------------------------+-----------+-------+-------+-------+-------+
 * </pre>
 * An access whose bit is set goes straight to RAM; anything else takes the slow path, which walks the tables,
 * checks permissions, sets Accessed/Dirty bits and refills the entry. Write bits are granted only once the PTE's
 * Dirty bit is set and only for frames holding no decoded code, so the first write to a clean page and every write
 * to a code page take the slow path (which keeps D bits and the decoded-instruction cache right).
 *
 * <p>Like a real TLB, entries are not updated when page tables in memory change: a stale entry stays in use
 * until CR3 is reloaded, INVLPG names its page, or paging is reconfigured. SIMPLIFICATION: no global pages (G is
 * ignored: every CR3 load flushes everything) and no NX.
 */
public final class Mmu {
    public static final int R_SUP = 1;
    public static final int W_SUP = 2;
    public static final int R_USR = 4;
    public static final int W_USR = 8;
    /** MAXPHYADDR reported by CPUID and used for PAE reserved-bit checks. */
    public static final int MAXPHYADDR = 36;
    private static final long PAE_ADDR_MASK = ((1L << MAXPHYADDR) - 1) & ~0xFFFL;
    private static final long PAE_RSVD_HIGH = ~((1L << MAXPHYADDR) - 1);   // bits 63:36, incl. NX (no EFER.NXE)

    private final PhysicalMemory mem;
    private final byte[] ram;
    private final int[] tlb = new int[1 << 20];
    private final int[] filled = new int[8192];
    private int nFilled;
    private boolean overflow;
    private Runnable flushListener = () -> { };

    private boolean pg;
    private boolean wp;
    private boolean pae;
    private boolean pse;
    private int cr3;
    private final long[] pdpte = new long[4];

    public Mmu(PhysicalMemory mem) {
        this.mem = mem;
        this.ram = mem.array();
    }

    public PhysicalMemory memory() {
        return mem;
    }

    /** Called after every flush, so the CPU can drop its cached instruction-fetch translation. */
    public void setFlushListener(Runnable r) {
        this.flushListener = r;
    }

    /**
     * Takes new paging controls (from CR0, CR3, CR4) and flushes the TLB. In PAE mode the four PDPT entries are
     * loaded now, as MOV CR3 does on hardware; a present entry with reserved bits set gives #GP(0).
     */
    public void configure(boolean pg, boolean wp, boolean pae, boolean pse, int cr3) {
        if (pg && pae) {
            long[] e = new long[4];
            for (int i = 0; i < 4; i++) {
                e[i] = mem.readQword(((cr3 & 0xFFFFFFE0L) + i * 8L));
                if ((e[i] & PTE_P) != 0 && ((e[i] & 0x1E6L) != 0 || (e[i] & PAE_RSVD_HIGH) != 0)) {
                    throw CpuFault.gp(0);
                }
            }
            System.arraycopy(e, 0, pdpte, 0, 4);
        }
        this.pg = pg;
        this.wp = wp;
        this.pae = pae;
        this.pse = pse;
        this.cr3 = cr3;
        flushAll();
    }

    public boolean pagingEnabled() {
        return pg;
    }

    public boolean paeEnabled() {
        return pae;
    }

    // ---------------------------------------------------------------- fast paths

    public int read8(int lin, int rBit) {
        int e = tlb[lin >>> 12];
        if ((e & rBit) != 0) {
            return ram[(e & ~0xFFF) | (lin & 0xFFF)] & 0xFF;
        }
        return readSlow(lin, 1, rBit == R_USR);
    }

    public int read16(int lin, int rBit) {
        int e = tlb[lin >>> 12];
        if ((e & rBit) != 0 && (lin & 0xFFF) <= 0xFFE) {
            return PhysicalMemory.getWord(ram, (e & ~0xFFF) | (lin & 0xFFF));
        }
        return readSlow(lin, 2, rBit == R_USR);
    }

    public int read32(int lin, int rBit) {
        int e = tlb[lin >>> 12];
        if ((e & rBit) != 0 && (lin & 0xFFF) <= 0xFFC) {
            return PhysicalMemory.getDword(ram, (e & ~0xFFF) | (lin & 0xFFF));
        }
        return readSlow(lin, 4, rBit == R_USR);
    }

    public void write8(int lin, int v, int wBit) {
        int e = tlb[lin >>> 12];
        if ((e & wBit) != 0) {
            ram[(e & ~0xFFF) | (lin & 0xFFF)] = (byte) v;
            return;
        }
        writeSlow(lin, 1, v, wBit == W_USR);
    }

    public void write16(int lin, int v, int wBit) {
        int e = tlb[lin >>> 12];
        if ((e & wBit) != 0 && (lin & 0xFFF) <= 0xFFE) {
            PhysicalMemory.putWord(ram, (e & ~0xFFF) | (lin & 0xFFF), v);
            return;
        }
        writeSlow(lin, 2, v, wBit == W_USR);
    }

    public void write32(int lin, int v, int wBit) {
        int e = tlb[lin >>> 12];
        if ((e & wBit) != 0 && (lin & 0xFFF) <= 0xFFC) {
            PhysicalMemory.putDword(ram, (e & ~0xFFF) | (lin & 0xFFF), v);
            return;
        }
        writeSlow(lin, 4, v, wBit == W_USR);
    }

    /** Checks that a write of {@code len} bytes at {@code lin} would succeed, without writing (for RMW order). */
    public void probeWrite(int lin, int len, boolean user) {
        translate(lin, true, user);
        if (((lin & 0xFFF) + len) > 0x1000) {
            translate(lin + len - 1, true, user);
        }
    }

    // ---------------------------------------------------------------- slow paths

    private int readSlow(int lin, int len, boolean user) {
        long p0 = translate(lin, false, user);
        if (((lin & 0xFFF) + len) <= 0x1000) {
            return len == 1 ? mem.readByte(p0) : len == 2 ? mem.readWord(p0) : mem.readDword(p0);
        }
        int firstLen = 0x1000 - (lin & 0xFFF);
        long p1 = translate(lin + firstLen, false, user);
        int v = 0;
        for (int i = 0; i < len; i++) {
            long p = i < firstLen ? p0 + i : p1 + (i - firstLen);
            v |= mem.readByte(p) << (8 * i);
        }
        return v;
    }

    private void writeSlow(int lin, int len, int v, boolean user) {
        long p0 = translate(lin, true, user);
        if (((lin & 0xFFF) + len) <= 0x1000) {
            if (len == 1) {
                mem.writeByte(p0, v);
            } else if (len == 2) {
                mem.writeWord(p0, v);
            } else {
                mem.writeDword(p0, v);
            }
            return;
        }
        int firstLen = 0x1000 - (lin & 0xFFF);
        long p1 = translate(lin + firstLen, true, user);
        for (int i = 0; i < len; i++) {
            long p = i < firstLen ? p0 + i : p1 + (i - firstLen);
            mem.writeByte(p, v >>> (8 * i));
        }
    }

    /**
     * Translates {@code lin} for an access by the given mode, walking the page tables on a TLB miss.
     * Sets Accessed (and, for writes, Dirty) bits, refills the TLB, and throws #PF with CR2 = lin on failure.
     * Returns the physical address (which may lie beyond RAM: open bus).
     */
    public long translate(int lin, boolean write, boolean user) {
        int need = write ? (user ? W_USR : W_SUP) : (user ? R_USR : R_SUP);
        int e = tlb[lin >>> 12];
        if ((e & need) != 0) {
            return ((e & 0xFFFFF000L) | (lin & 0xFFF));
        }
        if (!pg) {
            fill(lin, lin & 0xFFFFF000L, true, true, true);
            return lin & 0xFFFFFFFFL;
        }
        return pae ? walkPae(lin, write, user) : walk2(lin, write, user);
    }

    private long walk2(int lin, boolean write, boolean user) {
        long pdeAddr = (cr3 & 0xFFFFF000L) + Pte.pdx(lin) * 4L;
        int pde = mem.readDword(pdeAddr);
        int err = (write ? PageFault.W : 0) | (user ? PageFault.U : 0);
        if ((pde & PTE_P) == 0) {
            throw CpuFault.pf(lin, err);
        }
        if ((pde & PTE_PS) != 0 && pse) {
            if ((pde & 0x003FE000) != 0) {
                throw CpuFault.pf(lin, err | PageFault.P | PageFault.RSVD);
            }
            checkAccess(lin, pde, write, user, err);
            int upd = pde | PTE_A | (write ? PTE_D : 0);
            if (upd != pde) {
                mem.writeDword(pdeAddr, upd);
            }
            long phys = (upd & 0xFFC00000L) | (lin & 0x3FF000);
            fill(lin, phys, (upd & PTE_U) != 0, (upd & PTE_W) != 0, (upd & PTE_D) != 0);
            return phys | (lin & 0xFFF);
        }
        long pteAddr = (pde & 0xFFFFF000L) + Pte.ptx(lin) * 4L;
        int pte = mem.readDword(pteAddr);
        if ((pte & PTE_P) == 0) {
            throw CpuFault.pf(lin, err);
        }
        int eff = pde & pte;
        checkAccess(lin, eff, write, user, err);
        if ((pde & PTE_A) == 0) {
            mem.writeDword(pdeAddr, pde | PTE_A);
        }
        int upd = pte | PTE_A | (write ? PTE_D : 0);
        if (upd != pte) {
            mem.writeDword(pteAddr, upd);
        }
        long phys = pte & 0xFFFFF000L;
        fill(lin, phys, (eff & PTE_U) != 0, (eff & PTE_W) != 0, (upd & PTE_D) != 0);
        return phys | (lin & 0xFFF);
    }

    private long walkPae(int lin, boolean write, boolean user) {
        int err = (write ? PageFault.W : 0) | (user ? PageFault.U : 0);
        long pdp = pdpte[Pte.paePdptx(lin)];
        if ((pdp & PTE_P) == 0) {
            throw CpuFault.pf(lin, err);
        }
        long pdeAddr = (pdp & PAE_ADDR_MASK) + Pte.paePdx(lin) * 8L;
        long pde = mem.readQword(pdeAddr);
        if ((pde & PTE_P) == 0) {
            throw CpuFault.pf(lin, err);
        }
        if ((pde & PAE_RSVD_HIGH) != 0) {
            throw CpuFault.pf(lin, err | PageFault.P | PageFault.RSVD);
        }
        if ((pde & PTE_PS) != 0) {
            if ((pde & 0x1FE000L) != 0) {
                throw CpuFault.pf(lin, err | PageFault.P | PageFault.RSVD);
            }
            checkAccess(lin, (int) pde, write, user, err);
            long upd = pde | PTE_A | (write ? PTE_D : 0);
            if (upd != pde) {
                mem.writeQword(pdeAddr, upd);
            }
            long phys = (upd & PAE_ADDR_MASK & ~0x1FFFFFL) | (lin & 0x1FF000);
            fill(lin, phys, (upd & PTE_U) != 0, (upd & PTE_W) != 0, (upd & PTE_D) != 0);
            return phys | (lin & 0xFFF);
        }
        long pteAddr = (pde & PAE_ADDR_MASK) + Pte.paePtx(lin) * 8L;
        long pte = mem.readQword(pteAddr);
        if ((pte & PTE_P) == 0) {
            throw CpuFault.pf(lin, err);
        }
        if ((pte & PAE_RSVD_HIGH) != 0) {
            throw CpuFault.pf(lin, err | PageFault.P | PageFault.RSVD);
        }
        int eff = (int) (pde & pte);
        checkAccess(lin, eff, write, user, err);
        if ((pde & PTE_A) == 0) {
            mem.writeQword(pdeAddr, pde | PTE_A);
        }
        long upd = pte | PTE_A | (write ? PTE_D : 0);
        if (upd != pte) {
            mem.writeQword(pteAddr, upd);
        }
        long phys = pte & PAE_ADDR_MASK;
        fill(lin, phys, (eff & PTE_U) != 0, (eff & PTE_W) != 0, (upd & PTE_D) != 0);
        return phys | (lin & 0xFFF);
    }

    /** U/S and R/W checks (SDM Vol. 3 §4.6) on the combined permissions {@code eff} of all levels. */
    private void checkAccess(int lin, int eff, boolean write, boolean user, int err) {
        boolean ok;
        if (user) {
            ok = (eff & PTE_U) != 0 && (!write || (eff & PTE_W) != 0);
        } else {
            ok = !write || !wp || (eff & PTE_W) != 0;
        }
        if (!ok) {
            throw CpuFault.pf(lin, err | PageFault.P);
        }
    }

    private void fill(int lin, long phys, boolean userOk, boolean writeAll, boolean dirty) {
        if (phys + 0x1000 > ram.length) {
            return; // beyond RAM: always the slow path (open bus)
        }
        int bits = R_SUP | (userOk ? R_USR : 0);
        if (dirty && !mem.isCodeFrame((int) (phys >>> 12))) {
            if (writeAll || !wp) {
                bits |= W_SUP;
            }
            if (userOk && writeAll) {
                bits |= W_USR;
            }
        }
        int idx = lin >>> 12;
        if (tlb[idx] == 0) {
            if (nFilled < filled.length) {
                filled[nFilled++] = idx;
            } else {
                overflow = true;
            }
        }
        tlb[idx] = (int) phys | bits;
    }

    // ---------------------------------------------------------------- flushes

    /** Drops every TLB entry (CR3 load, paging reconfiguration). */
    public void flushAll() {
        if (overflow) {
            Arrays.fill(tlb, 0);
        } else {
            for (int i = 0; i < nFilled; i++) {
                tlb[filled[i]] = 0;
            }
        }
        nFilled = 0;
        overflow = false;
        flushListener.run();
    }

    /** INVLPG: drops the entry for the page holding {@code lin}. */
    public void flushPage(int lin) {
        tlb[lin >>> 12] = 0;
        flushListener.run();
    }

    /** Revokes fast write access to physical frame {@code pfn} (it now holds decoded code). */
    public void revokeWrites(int pfn) {
        if (overflow) {
            for (int i = 0; i < tlb.length; i++) {
                if (tlb[i] >>> 12 == pfn) {
                    tlb[i] &= ~(W_SUP | W_USR);
                }
            }
            return;
        }
        for (int i = 0; i < nFilled; i++) {
            int idx = filled[i];
            if (tlb[idx] >>> 12 == pfn) {
                tlb[idx] &= ~(W_SUP | W_USR);
            }
        }
    }

    /** The raw TLB entry for the page of {@code lin} (0 when empty), for tests and the debugger. */
    public int tlbEntry(int lin) {
        return tlb[lin >>> 12];
    }

    /**
     * Translates without side effects (no A/D updates, no TLB fill, no fault): the debugger's view.
     * Returns the physical address, or -1 when the page is not mapped.
     */
    public long peek(int lin) {
        if (!pg) {
            return lin & 0xFFFFFFFFL;
        }
        if (pae) {
            long pdp = pdpte[Pte.paePdptx(lin)];
            if ((pdp & PTE_P) == 0) {
                return -1;
            }
            long pde = mem.readQword((pdp & PAE_ADDR_MASK) + Pte.paePdx(lin) * 8L);
            if ((pde & PTE_P) == 0) {
                return -1;
            }
            if ((pde & PTE_PS) != 0) {
                return (pde & PAE_ADDR_MASK & ~0x1FFFFFL) | (lin & 0x1FFFFF);
            }
            long pte = mem.readQword((pde & PAE_ADDR_MASK) + Pte.paePtx(lin) * 8L);
            return (pte & PTE_P) == 0 ? -1 : (pte & PAE_ADDR_MASK) | (lin & 0xFFF);
        }
        int pde = mem.readDword((cr3 & 0xFFFFF000L) + Pte.pdx(lin) * 4L);
        if ((pde & PTE_P) == 0) {
            return -1;
        }
        if ((pde & PTE_PS) != 0 && pse) {
            return (pde & 0xFFC00000L) | (lin & 0x3FFFFF);
        }
        int pte = mem.readDword((pde & 0xFFFFF000L) + Pte.ptx(lin) * 4L);
        return (pte & PTE_P) == 0 ? -1 : (pte & 0xFFFFF000L) | (lin & 0xFFF);
    }
}
