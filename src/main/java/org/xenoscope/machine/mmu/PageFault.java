package org.xenoscope.machine.mmu;

/**
 * Page-fault error code bits (SDM Vol. 3 §4.7, Figure 4-12).
 *
 * <pre>
 *   31                       5    4    3    2    1    0
 *  +-------------------------+----+----+----+----+----+
 *  |        reserved         | I/D|RSVD| U/S| W/R|  P |
 *  +-------------------------+----+----+----+----+----+
 *   P    0 = page not present, 1 = protection violation
 *   W/R  0 = read, 1 = write
 *   U/S  0 = supervisor-mode access, 1 = user-mode access (CPL 3)
 *   RSVD 1 = a reserved bit was set in some paging-structure entry
 * </pre>
 */
public final class PageFault {
    private PageFault() {
    }

    public static final int P = 1;
    public static final int W = 2;
    public static final int U = 4;
    public static final int RSVD = 8;
}
