package org.xenoscope.asm.nasm;

/**
 * A section of an assembled program as laid out.
 *
 * @param name    its name ({@code .text})
 * @param address where it starts in memory (0 for an ELF note section, which is not loaded)
 * @param size    its size in bytes
 * @param nobits  true when it takes no bytes in the file ({@code .bss})
 * @param exec    executable
 * @param write   writable
 * @param note    an ELF note section ({@code .note*})
 */
public record AsmSection(String name, long address, long size, boolean nobits, boolean exec, boolean write,
                         boolean note) {
}
