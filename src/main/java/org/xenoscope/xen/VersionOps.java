package org.xenoscope.xen;

import java.nio.charset.StandardCharsets;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.XenVersionCmd;

/**
 * {@code xen_version(cmd, arg)}: who the hypervisor is. Strings are copied into the guest's fixed-size buffers,
 * zero-padded (Xen's {@code xen_extraversion_t} char[16], {@code xen_compile_info_t} char[64+16+32+32],
 * {@code xen_capabilities_info_t} char[1024], {@code xen_changeset_info_t} char[64]).
 */
final class VersionOps {
    /** XENFEAT_* bits reported for submap 0 (none of the optional features: plain PV with hypercall updates). */
    static final int FEATURES_SUBMAP0 = 0;

    private VersionOps() {
    }

    static void register(Hypercalls h) {
        h.register("xen_version", VersionOps::xenVersion);
    }

    /** Contract: see the class comment; unknown commands -ENOSYS, unwritable buffers -EFAULT. */
    static int xenVersion(Call c) {
        int cmd = c.arg(0);
        int arg = c.arg(1);
        switch (cmd) {
            case XenVersionCmd.XENVER_VERSION -> {
                return XenVersion.MAJOR << 16 | XenVersion.MINOR;
            }
            case XenVersionCmd.XENVER_EXTRAVERSION -> put(c, arg, XenVersion.EXTRAVERSION, 16);
            case XenVersionCmd.XENVER_COMPILE_INFO -> {
                byte[] all = new byte[64 + 16 + 32 + 32];
                copy(all, 0, XenVersion.COMPILER, 64);
                copy(all, 64, XenVersion.COMPILE_BY, 16);
                copy(all, 80, XenVersion.COMPILE_DOMAIN, 32);
                copy(all, 112, XenVersion.COMPILE_DATE, 32);
                c.mem().write(arg, all);
            }
            case XenVersionCmd.XENVER_CAPABILITIES -> put(c, arg, XenVersion.CAPABILITIES, 1024);
            case XenVersionCmd.XENVER_CHANGESET -> put(c, arg, XenVersion.CHANGESET, 64);
            case XenVersionCmd.XENVER_PLATFORM_PARAMETERS ->
                c.mem().write32(arg, c.domain().flavour().hypervisorVirtStart());
            case XenVersionCmd.XENVER_GET_FEATURES -> {
                int index = c.mem().read32(arg);
                c.mem().write32(arg + 4, index == 0 ? FEATURES_SUBMAP0 : 0);
            }
            case XenVersionCmd.XENVER_PAGESIZE -> {
                return 4096;
            }
            case XenVersionCmd.XENVER_GUEST_HANDLE -> c.mem().write(arg, new byte[16]);
            case XenVersionCmd.XENVER_COMMANDLINE -> put(c, arg, "", 1024);
            default -> throw new HypercallError(Errno.ENOSYS, "unknown xen_version command " + cmd);
        }
        return 0;
    }

    private static void put(Call c, int va, String s, int size) {
        byte[] b = new byte[size];
        copy(b, 0, s, size);
        c.mem().write(va, b);
    }

    /** Copies {@code s} into {@code b} at {@code off}, NUL-padded to {@code size} (always NUL-terminated). */
    private static void copy(byte[] b, int off, String s, int size) {
        byte[] src = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, b, off, Math.min(src.length, size - 1));
    }
}
