package org.xenoscope.xen.abi;

/**
 * Flags of {@code update_va_mapping(va, pte_lo, pte_hi, flags)}.
 *
 * <pre>
 *   31                                  2 1 0
 *  +-------------------------------------+---+
 *  | scope: 0 local, 4 all, or a pointer  |fl.|   fl. = flush type: NONE 0, TLB_FLUSH 1, INVLPG 2
 *  | to a VCPU bitmap (UVMF_MULTI)        |   |
 *  +-------------------------------------+---+
 * </pre>
 */
public final class UvmFlags {
    private UvmFlags() {
    }

    /** No flush. */
    public static final int UVMF_NONE = 0;
    /** Flush the whole TLB. */
    public static final int UVMF_TLB_FLUSH = 1;
    /** Invalidate only the entry for {@code va}. */
    public static final int UVMF_INVLPG = 2;
    /** Mask of the flush type. */
    public static final int UVMF_FLUSHTYPE_MASK = 3;
    /** Scope: OR in a pointer to a VCPU bitmap (with a NULL pointer it means UVMF_LOCAL). */
    public static final int UVMF_MULTI = 0;
    /** Scope: this VCPU only. */
    public static final int UVMF_LOCAL = 0;
    /** Scope: all VCPUs of the domain. */
    public static final int UVMF_ALL = 4;

    /**
     * Renders flags for a trace, e.g. {@code UVMF_INVLPG}, {@code UVMF_TLB_FLUSH|UVMF_ALL},
     * {@code UVMF_INVLPG|UVMF_MULTI(0x00123000)}.
     */
    public static String describe(int flags) {
        String type = switch (flags & UVMF_FLUSHTYPE_MASK) {
            case UVMF_NONE -> "UVMF_NONE";
            case UVMF_TLB_FLUSH -> "UVMF_TLB_FLUSH";
            case UVMF_INVLPG -> "UVMF_INVLPG";
            default -> "UVMF_FLUSHTYPE(3)";
        };
        int scope = flags & ~UVMF_FLUSHTYPE_MASK;
        if (scope == UVMF_LOCAL) {
            return type;
        }
        if (scope == UVMF_ALL) {
            return type + "|UVMF_ALL";
        }
        return type + String.format("|UVMF_MULTI(0x%08x)", scope);
    }
}
