package org.xenoscope.xen.abi;

/** {@code start_info.flags} and the other start-of-day constants. */
public final class StartInfoFlags {
    private StartInfoFlags() {
    }

    /** The domain may use privileged operations. */
    public static final int SIF_PRIVILEGED = 1;
    /** This is domain 0 (the initial domain); XTF then uses only console_io and skips xenbus. */
    public static final int SIF_INITDOMAIN = 2;
    /** mod_start/mod_len describe a multiboot module list. */
    public static final int SIF_MULTIBOOT_MOD = 4;
    /** mod_start is a PFN, not a virtual address. */
    public static final int SIF_MOD_START_PFN = 8;
    /** Size of {@code start_info.cmd_line}. */
    public static final int MAX_GUEST_CMDLINE = 1024;

    /** {@code start_info.magic} of a 2-level (non-PAE) guest. */
    public static final String MAGIC_NONPAE = "xen-3.0-x86_32";
    /** {@code start_info.magic} of a PAE guest (also the capabilities string). */
    public static final String MAGIC_PAE = "xen-3.0-x86_32p";
}
