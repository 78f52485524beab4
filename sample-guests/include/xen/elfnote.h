/*
 * xen/elfnote.h: Xen ELF notes, the way a PV guest kernel describes itself to the domain builder.
 *
 * The builder (Xen's libelf, or Xenoscope's loader) reads notes of owner "Xen" from the kernel's PT_NOTE
 * segments. Each note is laid out as
 *
 *   +--------+--------+--------+--------------------------+--------------------------+
 *   | namesz | descsz |  type  | "Xen\0"  (namesz = 4)    | desc, padded to 4 bytes  |
 *   +--------+--------+--------+--------------------------+--------------------------+
 *     4 bytes  4 bytes  4 bytes  padded to 4 bytes          descsz excludes the padding
 *
 * and the notes go into a section named .note.Xen, which the linker script puts in a PT_NOTE segment.
 *
 * From assembly (.S):   XEN_ELFNOTE(XEN_ELFNOTE_GUEST_OS, .asciz, "Xenoscope")
 *                       XEN_ELFNOTE(XEN_ELFNOTE_HYPERCALL_PAGE, .long, hypercall_page)
 * From C (file scope):  XEN_ELFNOTE_STR(XEN_ELFNOTE_GUEST_OS, "Xenoscope");
 *                       XEN_ELFNOTE_LONG(XEN_ELFNOTE_HYPERCALL_PAGE, hypercall_page);
 *
 * Numeric descriptors are 4-byte little-endian values (.long): the builder accepts 4 or 8 bytes.
 */
#ifndef XENOSCOPE_XEN_ELFNOTE_H
#define XENOSCOPE_XEN_ELFNOTE_H

/* Note types (descriptor in brackets; defaults are those of the builder when a note is absent). */
#define XEN_ELFNOTE_INFO            0   /* obsolete: the whole old "__xen_guest" string */
#define XEN_ELFNOTE_ENTRY           1   /* [number] virtual entry address; default e_entry */
#define XEN_ELFNOTE_HYPERCALL_PAGE  2   /* [number] virtual address of the page the builder fills with stubs */
#define XEN_ELFNOTE_VIRT_BASE       3   /* [number] virtual address of pseudo-physical 0; default 0 */
#define XEN_ELFNOTE_PADDR_OFFSET    4   /* [number] virtual minus pseudo-physical address; default VIRT_BASE */
#define XEN_ELFNOTE_XEN_VERSION     5   /* [string] the ABI the guest expects: "xen-3.0" */
#define XEN_ELFNOTE_GUEST_OS        6   /* [string] "linux", "Mini-OS", "XTF", "Xenoscope" */
#define XEN_ELFNOTE_GUEST_VERSION   7   /* [string] the guest's own version */
#define XEN_ELFNOTE_LOADER          8   /* [string] "generic" */
#define XEN_ELFNOTE_PAE_MODE        9   /* [string] "yes" for a PAE (3-level) guest; absent: 2-level */
#define XEN_ELFNOTE_FEATURES        10  /* [string] "feat|feat|...", a leading '!' marks a required feature */
#define XEN_ELFNOTE_BSD_SYMTAB      11  /* [string] "yes": the builder appends the symbol table after _end */

#define XEN_ELFNOTE_STRINGIFY_(x)   #x
#define XEN_ELFNOTE_STRINGIFY(x)    XEN_ELFNOTE_STRINGIFY_(x)

#ifdef __ASSEMBLER__

/* XEN_ELFNOTE(type, directive, value): one note whose descriptor is `directive value`. */
#define XEN_ELFNOTE(type, directive, ...)                                                               \
    .pushsection .note.Xen, "a", @note;                                                                 \
    .balign 4;                                                                                          \
    .long 2f - 1f;                  /* namesz, with the NUL */                                          \
    .long 4f - 3f;                  /* descsz, without the padding */                                   \
    .long type;                                                                                         \
1:  .asciz "Xen";                                                                                       \
2:  .balign 4;                                                                                          \
3:  directive __VA_ARGS__;                                                                              \
4:  .balign 4;                                                                                          \
    .popsection

#else

/*
 * The same note as assembler text for a file-scope __asm__: desc is a data directive and its operand
 * (".asciz \"text\"", ".long symbol"). Labels 1-4 are local numeric labels, so notes may follow each other.
 */
#define XEN_ELFNOTE_ASM_(type, desc)                                                                    \
    ".pushsection .note.Xen, \"a\", @note\n"                                                            \
    "\t.balign 4\n"                                                                                     \
    "\t.long 2f - 1f\n"                                                                                 \
    "\t.long 4f - 3f\n"                                                                                 \
    "\t.long " XEN_ELFNOTE_STRINGIFY(type) "\n"                                                         \
    "1:\t.asciz \"Xen\"\n"                                                                              \
    "2:\t.balign 4\n"                                                                                   \
    "3:\t" desc "\n"                                                                                    \
    "4:\t.balign 4\n"                                                                                   \
    ".popsection\n"

/* XEN_ELFNOTE_STR(type, "text"): a string note, at file scope in a C file. */
#define XEN_ELFNOTE_STR(type, text)     __asm__(XEN_ELFNOTE_ASM_(type, ".asciz \"" text "\""))

/* XEN_ELFNOTE_LONG(type, value): a 4-byte note; value is a symbol or a number, as the assembler sees it. */
#define XEN_ELFNOTE_LONG(type, value)   __asm__(XEN_ELFNOTE_ASM_(type, ".long " XEN_ELFNOTE_STRINGIFY(value)))

#endif /* __ASSEMBLER__ */

#endif /* XENOSCOPE_XEN_ELFNOTE_H */
