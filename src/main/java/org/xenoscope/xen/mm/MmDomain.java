package org.xenoscope.xen.mm;

/** What the page-type rules need to know of the domain asking (implemented by the hypervisor's Domain). */
public interface MmDomain {
    /** Domain id (frame owners are domain ids). */
    int id();

    /** The domain's paging geometry. */
    PagingMode pagingMode();

    /**
     * The entry Xen puts in slot {@code index} (at or after {@link PagingMode#firstXenL2Slot()}) of a page
     * directory it validates for this domain (2-level), or of the L2 in L3 slot 3 (PAE); 0 for none.
     */
    long xenL2Entry(int index);
}
