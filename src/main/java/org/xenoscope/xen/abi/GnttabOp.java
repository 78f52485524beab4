package org.xenoscope.xen.abi;

/** Commands of {@code grant_table_op(cmd, uop, count)} (#20). */
public final class GnttabOp {
    private GnttabOp() {
    }

    /** Map a frame another domain granted ({@code gnttab_map_grant_ref}). */
    public static final int GNTTABOP_MAP_GRANT_REF = 0;
    /** Undo a map by its handle. */
    public static final int GNTTABOP_UNMAP_GRANT_REF = 1;
    /** Get the machine frames of the grant table ({@code gnttab_setup_table}). */
    public static final int GNTTABOP_SETUP_TABLE = 2;
    /** Print the grant table on the Xen console. */
    public static final int GNTTABOP_DUMP_TABLE = 3;
    /** Give a page to a domain that offered accept_transfer. */
    public static final int GNTTABOP_TRANSFER = 4;
    /** Copy between granted frames. */
    public static final int GNTTABOP_COPY = 5;
    /** Current and maximum number of grant-table frames. */
    public static final int GNTTABOP_QUERY_SIZE = 6;
    /** Unmap and replace with another mapping. */
    public static final int GNTTABOP_UNMAP_AND_REPLACE = 7;
    /** Choose grant-table version 1 or 2. */
    public static final int GNTTABOP_SET_VERSION = 8;
    /** v2: the status frames. */
    public static final int GNTTABOP_GET_STATUS_FRAMES = 9;
    /** The version in use. */
    public static final int GNTTABOP_GET_VERSION = 10;
    /** Swap two grant entries. */
    public static final int GNTTABOP_SWAP_GRANT_REF = 11;
    /** Cache maintenance on granted frames. */
    public static final int GNTTABOP_CACHE_FLUSH = 12;

    /** The family as a table. */
    public static final ConstantSet NAMES = ConstantSet.of(GnttabOp.class, "GNTTABOP_");
}
