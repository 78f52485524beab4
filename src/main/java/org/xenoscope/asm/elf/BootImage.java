package org.xenoscope.asm.elf;

import java.util.List;
import java.util.Optional;

/**
 * A multiboot kernel loaded into RAM: where to jump and which physical range it now occupies.
 *
 * @param entry      physical address of the first instruction (EIP at hand-over)
 * @param imageStart lowest physical address written
 * @param imageEnd   first physical address past the image, bss included: free memory starts here
 * @param header     the multiboot header that directed the load
 * @param elf        the parsed ELF file, when the kernel was loaded through its program headers
 * @param warnings   requests the loader ignored (e.g. a video mode), one sentence each
 */
public record BootImage(int entry, int imageStart, int imageEnd, MultibootHeader header, Optional<ElfImage> elf,
                        List<String> warnings) {
    public BootImage {
        warnings = List.copyOf(warnings);
    }
}
