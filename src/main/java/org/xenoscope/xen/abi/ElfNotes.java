package org.xenoscope.xen.abi;

/**
 * Types of the "Xen" ELF notes a PV kernel carries (public/elfnote.h): how the domain builder learns where to load
 * the kernel, where its hypercall page is, and which paging mode it wants.
 */
public final class ElfNotes {
    private ElfNotes() {
    }

    /** The note owner name. */
    public static final String OWNER = "Xen";
    /** Virtual entry point (default: e_entry). */
    public static final int XEN_ELFNOTE_ENTRY = 1;
    /** Virtual address of the page the builder fills with hypercall stubs. */
    public static final int XEN_ELFNOTE_HYPERCALL_PAGE = 2;
    /** Virtual address the kernel's pseudo-physical address 0 is mapped at (default 0). */
    public static final int XEN_ELFNOTE_VIRT_BASE = 3;
    /** virtual - physical offset of the ELF program headers (default: VIRT_BASE). */
    public static final int XEN_ELFNOTE_PADDR_OFFSET = 4;
    /** The Xen interface version the kernel was built for, e.g. "xen-3.0". */
    public static final int XEN_ELFNOTE_XEN_VERSION = 5;
    /** The guest OS name, e.g. "linux", "XTF", "Mini-OS". */
    public static final int XEN_ELFNOTE_GUEST_OS = 6;
    /** The guest OS version. */
    public static final int XEN_ELFNOTE_GUEST_VERSION = 7;
    /** The loader: "generic". */
    public static final int XEN_ELFNOTE_LOADER = 8;
    /** "yes" / "bimodal" / "yes[extended-cr3]": a PAE kernel; absent or "no": 2-level paging. */
    public static final int XEN_ELFNOTE_PAE_MODE = 9;
    /** Feature list, '|'-separated; '!' marks a feature the kernel requires. */
    public static final int XEN_ELFNOTE_FEATURES = 10;
    /** "yes": append the ELF symbol table after the kernel. */
    public static final int XEN_ELFNOTE_BSD_SYMTAB = 11;
}
