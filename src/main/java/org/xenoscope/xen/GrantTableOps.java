package org.xenoscope.xen;

import org.xenoscope.xen.abi.DomId;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.GnttabOp;

/**
 * {@code grant_table_op(cmd, uop, count)}, the part a guest needs to set up its grant table: setup_table,
 * query_size, set_version and get_version. Per-entry results go in each struct's status field (GNTST_*); the
 * hypercall itself fails only for bad commands (-ENOSYS), a count other than 1 (-EINVAL) and unreadable arguments
 * (-EFAULT).
 *
 * <pre>
 *  gnttab_setup_table { u16 dom; u32 nr_frames @4; s16 status @8 OUT; u32 frame_list @12 (OUT array of mfns) }
 *  gnttab_query_size  { u16 dom; u32 nr_frames @4 OUT; u32 max_nr_frames @8 OUT; s16 status @12 OUT }
 *  gnttab_set_version { u32 version }        gnttab_get_version { u16 dom; u16 pad; u32 version @4 OUT }
 * </pre>
 *
 * SIMPLIFICATION: grant table version 1 only (set_version(2) gives -ENOSYS, as Xen built without v2 does); mapping,
 * copying and transferring grants come with the I/O-ring work.
 */
final class GrantTableOps {
    /** Grant-table frames a domain may have (Xen: max_grant_frames). */
    static final int MAX_GRANT_FRAMES = 4;
    static final int GNTST_OKAY = 0;
    static final int GNTST_GENERAL_ERROR = -1;
    static final int GNTST_BAD_DOMAIN = -2;
    static final int GNTST_PERMISSION_DENIED = -8;

    private GrantTableOps() {
    }

    /**
     * Contract: see the class comment. As in Xen, these four commands take exactly one struct ({@code count != 1}
     * is -EINVAL), and an unknown command is -ENOSYS whatever the count.
     */
    static int grantTableOp(Call c) {
        int cmd = c.arg(0);
        int uop = c.arg(1);
        int count = c.arg(2);
        switch (cmd) {
            case GnttabOp.GNTTABOP_SETUP_TABLE, GnttabOp.GNTTABOP_QUERY_SIZE, GnttabOp.GNTTABOP_SET_VERSION,
                GnttabOp.GNTTABOP_GET_VERSION -> {
                if (count != 1) {
                    throw new HypercallError(Errno.EINVAL, "grant_table_op command " + cmd + " with count " + count);
                }
            }
            default -> throw new HypercallError(Errno.ENOSYS, "grant_table_op command " + cmd
                + " is not available");
        }
        switch (cmd) {
            case GnttabOp.GNTTABOP_SETUP_TABLE -> setupTable(c, uop);
            case GnttabOp.GNTTABOP_QUERY_SIZE -> querySize(c, uop);
            case GnttabOp.GNTTABOP_SET_VERSION -> setVersion(c, uop);
            default -> getVersion(c, uop);
        }
        return 0;
    }

    /** GNTST_* for a struct naming domain {@code dom}: okay for the caller, else bad_domain or permission_denied. */
    private static int access(Call c, int dom) {
        if (self(c, dom)) {
            return GNTST_OKAY;
        }
        return c.hv().domain(dom) == null ? GNTST_BAD_DOMAIN : GNTST_PERMISSION_DENIED;
    }

    private static boolean self(Call c, int dom) {
        return dom == DomId.DOMID_SELF || dom == c.domain().id();
    }

    private static void setupTable(Call c, int a) {
        int dom = c.mem().read16(a);
        int n = c.mem().read32(a + 4);
        int list = c.mem().read32(a + 12);
        if (access(c, dom) != GNTST_OKAY) {
            c.mem().write16(a + 8, access(c, dom)); // SIMPLIFICATION: no domain acts on another's grant table
            return;
        }
        if (n < 0 || n > MAX_GRANT_FRAMES) {
            c.mem().write16(a + 8, GNTST_GENERAL_ERROR);
            return;
        }
        Domain d = c.domain();
        if (d.grantFrames.length < n) {
            int[] more = java.util.Arrays.copyOf(d.grantFrames, n);
            for (int i = d.grantFrames.length; i < n; i++) {
                more[i] = c.hv().frames().allocXen();
                c.hv().frames().share(more[i], d.id());
            }
            d.grantFrames = more;
        }
        for (int i = 0; i < n; i++) {
            c.mem().write32(list + 4 * i, d.grantFrames[i]);
        }
        c.mem().write16(a + 8, GNTST_OKAY);
    }

    private static void querySize(Call c, int a) {
        int dom = c.mem().read16(a);
        if (access(c, dom) != GNTST_OKAY) {
            c.mem().write16(a + 12, access(c, dom));
            return;
        }
        c.mem().write32(a + 4, c.domain().grantFrames.length);
        c.mem().write32(a + 8, MAX_GRANT_FRAMES);
        c.mem().write16(a + 12, GNTST_OKAY);
    }

    private static void setVersion(Call c, int a) {
        int v = c.mem().read32(a);
        if (v == 2) {
            throw new HypercallError(Errno.ENOSYS, "grant table v2 is not available");
        }
        if (v != 1) {
            throw new HypercallError(Errno.EINVAL, "no grant table version " + v);
        }
        c.domain().grantVersion = 1;
    }

    private static void getVersion(Call c, int a) {
        if (!self(c, c.mem().read16(a))) {
            throw new HypercallError(Errno.EPERM, "another domain's grant table");
        }
        c.mem().write32(a + 4, c.domain().grantVersion);
    }
}
