package org.xenoscope.xen.abi;

/** Commands of {@code xen_version(cmd, arg)} (#17); buffer layouts are in {@link Structs}. */
public final class XenVersionCmd {
    private XenVersionCmd() {
    }

    /** Returns {@code major << 16 | minor}; the argument is ignored. */
    public static final int XENVER_VERSION = 0;
    /** Fills {@code char[16]}, e.g. ".0". */
    public static final int XENVER_EXTRAVERSION = 1;
    /** Fills {@code xen_compile_info} (compiler[64], compile_by[16], compile_domain[32], compile_date[32]). */
    public static final int XENVER_COMPILE_INFO = 2;
    /** Fills {@code char[1024]}, e.g. "xen-3.0-x86_32p". */
    public static final int XENVER_CAPABILITIES = 3;
    /** Fills {@code char[64]}: the source changeset. */
    public static final int XENVER_CHANGESET = 4;
    /** Fills {@code xen_platform_parameters} {virt_start} = HYPERVISOR_VIRT_START. */
    public static final int XENVER_PLATFORM_PARAMETERS = 5;
    /** Fills {@code xen_feature_info} {submap_idx IN, submap OUT}. */
    public static final int XENVER_GET_FEATURES = 6;
    /** Returns the page size (4096). */
    public static final int XENVER_PAGESIZE = 7;
    /** Fills the domain handle (16 bytes). */
    public static final int XENVER_GUEST_HANDLE = 8;
    /** Fills {@code char[1024]}: Xen's own command line. */
    public static final int XENVER_COMMANDLINE = 9;
    /** Fills a variable-length build id. */
    public static final int XENVER_BUILD_ID = 10;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(XenVersionCmd.class, "XENVER_");
}
