package org.xenoscope.xen.abi;

/** Commands of {@code memory_op(cmd, arg)} (#12); {@code xen_memory_reservation} is in {@link Structs}. */
public final class MemoryOp {
    private MemoryOp() {
    }

    /** Balloon up: get extents of frames (bounded by max_pages); returns the number done. */
    public static final int XENMEM_INCREASE_RESERVATION = 0;
    /** Balloon down: give listed frames back; returns the number done. */
    public static final int XENMEM_DECREASE_RESERVATION = 1;
    /** Returns the highest machine frame number. */
    public static final int XENMEM_MAXIMUM_RAM_PAGE = 2;
    /** Returns the domain's current number of pages. */
    public static final int XENMEM_CURRENT_RESERVATION = 3;
    /** Returns the domain's maximum number of pages. */
    public static final int XENMEM_MAXIMUM_RESERVATION = 4;
    /** Lists the machine frames holding the M2P table. */
    public static final int XENMEM_MACHPHYS_MFN_LIST = 5;
    /** Populates pseudo-physical frames with memory. */
    public static final int XENMEM_POPULATE_PHYSMAP = 6;
    /** Maps a special page (e.g. shared_info) into the pseudo-physical map. */
    public static final int XENMEM_ADD_TO_PHYSMAP = 7;
    /** The domain's pseudo-physical memory map (E820 style). */
    public static final int XENMEM_MEMORY_MAP = 9;
    /** The machine memory map (privileged). */
    public static final int XENMEM_MACHINE_MEMORY_MAP = 10;
    /** Exchanges extents for others (e.g. contiguous ones). */
    public static final int XENMEM_EXCHANGE = 11;
    /** Where the M2P is mapped in the guest's address space. */
    public static final int XENMEM_MACHPHYS_MAPPING = 12;

    /** memory_op's cmd holds the command in its low bits ... */
    public static final int MEMOP_CMD_MASK = 0x3F;
    /** ... and, above this shift, the extent a preempted reservation call resumes at (a continuation). */
    public static final int MEMOP_EXTENT_SHIFT = 6;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(MemoryOp.class, "XENMEM_");
}
