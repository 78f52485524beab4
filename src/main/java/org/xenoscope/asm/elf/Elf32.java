package org.xenoscope.asm.elf;

/**
 * The numbers and layouts of the 32-bit ELF format (System V ABI, i386 supplement) that the loader reads.
 * All multi-byte fields are little-endian (ELFDATA2LSB).
 *
 * <pre>
 * ELF header (52 bytes, file offset 0)           Program header (32 bytes, e_phoff + i * e_phentsize)
 *  off size field                                  off size field
 *   0  16   e_ident: 7F 'E' 'L' 'F' class data      0   4   p_type    (PT_LOAD = 1, PT_NOTE = 4)
 *           version osabi ... (class 1 = 32-bit,    4   4   p_offset  file offset of the bytes
 *           data 1 = little-endian)                 8   4   p_vaddr   virtual address
 *  16   2   e_type     (ET_EXEC = 2)               12   4   p_paddr   physical (load) address
 *  18   2   e_machine  (EM_386 = 3)                16   4   p_filesz  bytes taken from the file
 *  20   4   e_version                              20   4   p_memsz   bytes in memory (rest zeroed: bss)
 *  24   4   e_entry                                24   4   p_flags   PF_X = 1, PF_W = 2, PF_R = 4
 *  28   4   e_phoff                                28   4   p_align
 *  32   4   e_shoff
 *  36   4   e_flags                              Section header (40 bytes, e_shoff + i * e_shentsize)
 *  40   2   e_ehsize                                0   4   sh_name   offset in the e_shstrndx string table
 *  42   2   e_phentsize (32)                        4   4   sh_type   (SYMTAB 2, STRTAB 3, NOTE 7, NOBITS 8)
 *  44   2   e_phnum                              8..12  8   sh_flags, sh_addr
 *  46   2   e_shentsize (40)                       16   4   sh_offset
 *  48   2   e_shnum                                20   4   sh_size
 *  50   2   e_shstrndx                             24   4   sh_link   (for SYMTAB: its string table)
 *                                                 28..36 12  sh_info, sh_addralign, sh_entsize
 *
 * Symbol (16 bytes, in SHT_SYMTAB)                Note (in PT_NOTE / SHT_NOTE, 4-byte aligned)
 *   0   4   st_name   offset in the string table    0   4   namesz (including the NUL)
 *   4   4   st_value                                4   4   descsz
 *   8   4   st_size                                 8   4   type
 *  12   1   st_info   bind * 16 + type              12   .   name, padded to 4
 *  13   1   st_other                                .   .   desc, padded to 4
 *  14   2   st_shndx
 * </pre>
 */
public final class Elf32 {
    private Elf32() {
    }

    public static final int EHDR_SIZE = 52;
    public static final int PHDR_SIZE = 32;
    public static final int SHDR_SIZE = 40;
    public static final int SYM_SIZE = 16;

    public static final int ELFCLASS32 = 1;
    public static final int ELFCLASS64 = 2;
    public static final int ELFDATA2LSB = 1;
    public static final int ELFDATA2MSB = 2;
    public static final int EV_CURRENT = 1;

    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;
    public static final int ET_DYN = 3;
    public static final int ET_CORE = 4;
    public static final int EM_386 = 3;

    public static final int PT_LOAD = 1;
    public static final int PT_DYNAMIC = 2;
    public static final int PT_INTERP = 3;
    public static final int PT_NOTE = 4;

    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;

    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;

    public static final int SHF_WRITE = 1;
    public static final int SHF_ALLOC = 2;
    public static final int SHF_EXECINSTR = 4;

    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xFFF1;
    public static final int SHN_COMMON = 0xFFF2;

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;
}
