package org.xenoscope.xen.abi;

/** Commands and assist types of {@code vm_assist(cmd, type)} (#21). */
public final class VmAssist {
    private VmAssist() {
    }

    /** Turn the assist on. */
    public static final int VMASST_CMD_ENABLE = 0;
    /** Turn the assist off. */
    public static final int VMASST_CMD_DISABLE = 1;

    /** Emulate accesses through 4 GiB segments (which Xen's hole would truncate). */
    public static final int VMASST_TYPE_4GB_SEGMENTS = 0;
    /** Bounce an event to the guest when 4 GiB-segment emulation happens. */
    public static final int VMASST_TYPE_4GB_SEGMENTS_NOTIFY = 1;
    /** Let the guest write its page tables directly (Xen validates on the fault). */
    public static final int VMASST_TYPE_WRITABLE_PAGETABLES = 2;
    /** PAE: page directories may live above 4 GiB (extended CR3 format). */
    public static final int VMASST_TYPE_PAE_EXTENDED_CR3 = 3;
    /** The virtual IOPL behaves as on hardware (for the iret hypercall and I/O emulation). */
    public static final int VMASST_TYPE_ARCHITECTURAL_IOPL = 4;
    /** Runstate updates use an update flag. */
    public static final int VMASST_TYPE_RUNSTATE_UPDATE_FLAG = 5;
    /** Strict M2P checking (x86_64 guests). */
    public static final int VMASST_TYPE_M2P_STRICT = 32;

    /** The commands as a table. */
    public static final ConstantSet CMD_NAMES = ConstantSet.of(VmAssist.class, "VMASST_CMD_");
    /** The assist types as a table. */
    public static final ConstantSet TYPE_NAMES = ConstantSet.of(VmAssist.class, "VMASST_TYPE_");
}
