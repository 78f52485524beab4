package org.xenoscope.dom0;

import java.util.Optional;
import org.xenoscope.asm.BadInputException;
import org.xenoscope.asm.elf.ElfImage;
import org.xenoscope.xen.GuestFlavour;
import org.xenoscope.xen.abi.ElfNotes;

/**
 * What the domain builder reads from a PV kernel's "Xen" ELF notes (libelf's {@code elf_xen_parse}), with the
 * defaults real Xen uses: VIRT_BASE 0, PADDR_OFFSET = VIRT_BASE, ENTRY = e_entry.
 *
 * @param flavour       PAE if PAE_MODE is "yes", "bimodal" or "yes[extended-cr3]"; NONPAE if absent or "no"
 * @param hypercallPage virtual address of the hypercall page, or -1 when the kernel has none
 */
public record GuestImage(ElfImage elf, GuestFlavour flavour, int entry, int virtBase, int paddrOffset,
                         int hypercallPage, String guestOs, String features) {
    /** Contract: reads the notes of {@code elf}; a kernel without any Xen note, or with bad ones, is bad input. */
    public static GuestImage of(ElfImage elf) {
        String file = elf.fileName();
        boolean any = elf.notes().stream().anyMatch(n -> n.name().equals(ElfNotes.OWNER));
        if (!any) {
            throw new BadInputException(file, "not a Xen PV kernel: it has no \"Xen\" ELF notes (for a multiboot "
                + "kernel use --bare-metal)");
        }
        int virtBase = (int) number(elf, ElfNotes.XEN_ELFNOTE_VIRT_BASE).orElse(0L).longValue();
        int paddrOffset = (int) number(elf, ElfNotes.XEN_ELFNOTE_PADDR_OFFSET).orElse((long) virtBase).longValue();
        int entry = (int) number(elf, ElfNotes.XEN_ELFNOTE_ENTRY).orElse((long) elf.entry()).longValue();
        int hcall = (int) number(elf, ElfNotes.XEN_ELFNOTE_HYPERCALL_PAGE).orElse(-1L).longValue();
        String pae = string(elf, ElfNotes.XEN_ELFNOTE_PAE_MODE).orElse("no");
        GuestFlavour flavour;
        if (pae.equals("yes") || pae.equals("bimodal") || pae.startsWith("yes[")) {
            flavour = GuestFlavour.PAE;
        } else if (pae.equals("no")) {
            flavour = GuestFlavour.NONPAE;
        } else {
            throw new BadInputException(file, "unknown XEN_ELFNOTE_PAE_MODE \"" + pae + "\" (expected yes or no)");
        }
        if (hcall != -1 && (hcall & 0xFFF) != 0) {
            throw new BadInputException(file, String.format("XEN_ELFNOTE_HYPERCALL_PAGE 0x%08x is not page aligned",
                hcall));
        }
        return new GuestImage(elf, flavour, entry, virtBase, paddrOffset, hcall,
            string(elf, ElfNotes.XEN_ELFNOTE_GUEST_OS).orElse("unknown"),
            string(elf, ElfNotes.XEN_ELFNOTE_FEATURES).orElse(""));
    }

    private static Optional<Long> number(ElfImage elf, int type) {
        return elf.note(ElfNotes.OWNER, type).map(ElfImage.Note::descNumber);
    }

    private static Optional<String> string(ElfImage elf, int type) {
        return elf.note(ElfNotes.OWNER, type).map(ElfImage.Note::descString);
    }
}
