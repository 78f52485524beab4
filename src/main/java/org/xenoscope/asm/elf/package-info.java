/**
 * The ELF32 loader and multiboot (version 1) support: how a guest kernel file becomes bytes in guest RAM.
 * The Xen domain builder loads guest kernels with {@link org.xenoscope.asm.elf.ElfLoader}; the bare-metal boot
 * loads a multiboot kernel with {@link org.xenoscope.asm.elf.Multiboot}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Files are untrusted. {@link org.xenoscope.asm.elf.ElfImage#parse} and
 *       {@link org.xenoscope.asm.elf.Multiboot#loadKernel} report every malformed input as an
 *       {@link org.xenoscope.asm.BadInputException} (one line naming the file); no other exception escapes, however
 *       the bytes are corrupted. File offsets and sizes are handled as unsigned 32-bit values in {@code long}s.</li>
 *   <li>Only static i386 executables are accepted: ELF32, little-endian, EM_386, ET_EXEC.</li>
 *   <li>Loads are all-or-nothing: every piece is checked against the size of RAM before anything is written.</li>
 *   <li>{@link org.xenoscope.asm.elf.ElfImage} is immutable and knows nothing of the machine; only the loaders
 *       touch {@link org.xenoscope.machine.mem.PhysicalMemory}.</li>
 * </ul>
 *
 * SIMPLIFICATION: multiboot boot modules, the boot device, the a.out symbol table and video modes are not
 * supported; a kernel that only asks for a video mode (flag bit 2) is loaded with a warning.
 */
package org.xenoscope.asm.elf;
