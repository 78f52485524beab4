package org.xenoscope.machine.mmu;

/**
 * Paging-structure entry bits, named as in xv6's mmu.h and Xen's page.h (SDM Vol. 3 §4.3, §4.4).
 *
 * <pre>
 *  2-level paging, linear address:
 *  +--------10------+-------10-------+---------12----------+
 *  | Page Directory |   Page Table   | Offset within Page  |
 *  |      Index     |      Index     |                     |
 *  +----------------+----------------+---------------------+
 *   \--- PDX(va) --/ \--- PTX(va) --/
 *
 *  PAE paging, linear address:
 *  +-2-+----9----+----9----+---------12----------+
 *  |PDPT|   PDX   |   PTX   |       offset       |
 *  +----+---------+---------+--------------------+
 *
 *  entry (low 12 bits):  ... | G | PS/PAT | D | A | PCD | PWT | U/S | R/W | P |
 *                               8     7      6   5    4     3     2     1    0
 * </pre>
 */
public final class Pte {
    private Pte() {
    }

    public static final int PTE_P = 0x001;
    public static final int PTE_W = 0x002;
    public static final int PTE_U = 0x004;
    public static final int PTE_PWT = 0x008;
    public static final int PTE_PCD = 0x010;
    public static final int PTE_A = 0x020;
    public static final int PTE_D = 0x040;
    public static final int PTE_PS = 0x080;
    public static final int PTE_G = 0x100;

    /** 2-level page-directory index. */
    public static int pdx(int va) {
        return va >>> 22;
    }

    /** 2-level page-table index. */
    public static int ptx(int va) {
        return (va >>> 12) & 0x3FF;
    }

    /** PAE page-directory-pointer-table index. */
    public static int paePdptx(int va) {
        return va >>> 30;
    }

    /** PAE page-directory index. */
    public static int paePdx(int va) {
        return (va >>> 21) & 0x1FF;
    }

    /** PAE page-table index. */
    public static int paePtx(int va) {
        return (va >>> 12) & 0x1FF;
    }
}
