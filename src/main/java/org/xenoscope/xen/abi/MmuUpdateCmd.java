package org.xenoscope.xen.abi;

/**
 * Commands of {@code mmu_update}: the low 2 bits of {@code mmu_update_t.ptr}.
 *
 * <pre>
 *   63                                   2 1 0
 *  +--------------------------------------+---+
 *  | machine address of the entry (ptr&~3) |cmd|
 *  +--------------------------------------+---+
 * </pre>
 */
public final class MmuUpdateCmd {
    private MmuUpdateCmd() {
    }

    /** Checked write of a PTE/PDE at machine address {@code ptr & ~3}. */
    public static final int MMU_NORMAL_PT_UPDATE = 0;
    /** Set the M2P entry of the frame containing {@code ptr} to {@code val}. */
    public static final int MMU_MACHPHYS_UPDATE = 1;
    /** Like MMU_NORMAL_PT_UPDATE, keeping the A and D bits already in the entry. */
    public static final int MMU_PT_UPDATE_PRESERVE_AD = 2;
    /** Newer Xen: update without translating the address. */
    public static final int MMU_PT_UPDATE_NO_TRANSLATE = 3;
    /** Mask of the command bits in {@code ptr} (not a Xen name). */
    public static final int CMD_MASK = 3;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(MmuUpdateCmd.class, "MMU_");
}
