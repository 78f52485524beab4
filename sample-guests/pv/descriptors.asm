; descriptors.asm: the guest's own GDT, and the segment descriptors Xen refuses or changes (paper 2.1.1: "guest OSes
; may not install fully-privileged segment descriptors and segments may not overlap the top end of the linear
; address space").
;
; 1. update_descriptor with a DPL-0 data segment: -EINVAL (only Xen runs in ring 0).
; 2. update_descriptor with a segment based inside Xen's area: -EINVAL.
; 3. set_gdt on a frame holding a DPL-0 descriptor: -EINVAL (Xen checks all 512 descriptors of every frame,
;    not only the entries the GDT will use).
; 4. update_descriptor with a flat 4 GiB ring-1 data segment: accepted, but Xen truncates the limit so the
;    segment ends where Xen's area begins (GUEST_SEGMENT_MAX_ADDR, 0xF5C00000 for a PAE guest).
; 5. update_va_mapping makes the GDT page read-only (as XTF does; a GDT frame may not stay writable), set_gdt
;    installs it, and DS is loaded from GDT entry 1: LSL shows the clipped limit.
;
; Same notes, layout and hypercall convention as hello.asm. The guest finds the machine frame of its GDT page in
; start_info.mfn_list (virtual == pseudo-physical here, so pfn = va >> 12).
;
; expect-output: update_descriptor(DPL 0 data segment): -22
; expect-output: update_descriptor(segment based in Xen's area): -22
; expect-output: set_gdt(frame holding a DPL 0 descriptor): -22
; expect-output: update_descriptor(flat 4 GiB ring-1 data segment): 0
; expect-output: update_va_mapping(GDT page read-only): 0
; expect-output: set_gdt(1 frame, 2 entries): 0
; expect-output: GDT entry 1 as Xen stored it: 0x00cfb200 0x00005bff
; expect-output: DS = 0x0009 loaded, limit 0xf5bfffff: clipped below Xen's area
; expect-exit: 0
; max-instructions: 20000

; From ../include/xen/xen.h.
__HYPERVISOR_set_gdt            equ 2
__HYPERVISOR_update_descriptor  equ 10
__HYPERVISOR_update_va_mapping  equ 14
__HYPERVISOR_console_io         equ 18
__HYPERVISOR_sched_op           equ 29
HYPERCALL_STUB_SIZE             equ 32
CONSOLEIO_write                 equ 0
SCHEDOP_shutdown                equ 2
SHUTDOWN_poweroff               equ 0
SHUTDOWN_crash                  equ 3
UVMF_INVLPG                     equ 2
START_INFO_MFN_LIST             equ 68  ; offsetof(start_info_t, mfn_list)
PTE_P_A_D                       equ 0x61 ; present, accessed, dirty; not writable

; Descriptors as (high dword, low dword).
;   63..56 base 31:24 | 55 G | 54 D/B | 53 L | 52 AVL | 51..48 limit 19:16 | 47 P | 46..45 DPL | 44 S | 43..40 type
;   39..16 base 23:0  | 15..0 limit 15:0
DPL0_DATA_HI    equ 0x00CF9200      ; base 0, 4 GiB, ring 0, read/write
DPL0_DATA_LO    equ 0x0000FFFF
XEN_BASED_HI    equ 0xFCC0B200      ; base 0xFC000000 (inside Xen's area), ring 1
XEN_BASED_LO    equ 0x00000000
FLAT_DATA_HI    equ 0x00CFB200      ; base 0, limit 0xFFFFF pages (4 GiB), ring 1, read/write
FLAT_DATA_LO    equ 0x0000FFFF
OUR_DS          equ 0x0009          ; GDT entry 1, RPL 1

%include "../include/xen-elfnote.inc"    ; XEN_ELFNOTE_* and the ELFNOTE macro

%define HYPERCALL(nr) (hypercall_page + (nr) * HYPERCALL_STUB_SIZE)

; say label, labellen: print the label, then EAX in signed decimal and a newline.
%macro say 2
    mov [result], eax
    mov edx, %1
    mov ecx, %2
    call write
    mov eax, [result]
    call put_dec
%endmacro

; update_descriptor(ma of GDT entry %1, descriptor %2:%3)
%macro update_descriptor 3
    mov ebx, [gdt_mfn]
    shl ebx, 12
    add ebx, %1 * 8                 ; ma_lo: machine address of the entry
    mov ecx, [gdt_mfn]
    shr ecx, 20                     ; ma_hi
    mov edx, %3                     ; descriptor, low dword
    mov esi, %2                     ; descriptor, high dword
    call HYPERCALL(__HYPERVISOR_update_descriptor)
%endmacro

section .text
global _start
_start:
    mov esp, stack_top
    mov eax, [esi + START_INFO_MFN_LIST]
    mov ebx, gdt_page
    shr ebx, 12                     ; pfn of our GDT page
    mov eax, [eax + ebx * 4]        ; its machine frame
    mov [gdt_mfn], eax

    update_descriptor 1, DPL0_DATA_HI, DPL0_DATA_LO
    say msg_dpl0, MSG_DPL0_LEN
    update_descriptor 1, XEN_BASED_HI, XEN_BASED_LO
    say msg_xen, MSG_XEN_LEN

    mov dword [gdt_page + 2 * 8], DPL0_DATA_LO   ; the page is still ours to write: hide a DPL-0 descriptor
    mov dword [gdt_page + 2 * 8 + 4], DPL0_DATA_HI
    mov ebx, gdt_mfn                ; set_gdt(frame_list, entries)
    mov ecx, 3
    call HYPERCALL(__HYPERVISOR_set_gdt)
    say msg_gdt_bad, MSG_GDT_BAD_LEN
    mov dword [gdt_page + 2 * 8], 0
    mov dword [gdt_page + 2 * 8 + 4], 0

    update_descriptor 1, FLAT_DATA_HI, FLAT_DATA_LO
    say msg_flat, MSG_FLAT_LEN

    mov ebx, gdt_page               ; update_va_mapping(va, pte_lo, pte_hi, UVMF_INVLPG)
    mov ecx, [gdt_mfn]
    shl ecx, 12
    or ecx, PTE_P_A_D
    mov edx, [gdt_mfn]
    shr edx, 20
    mov esi, UVMF_INVLPG
    call HYPERCALL(__HYPERVISOR_update_va_mapping)
    say msg_ro, MSG_RO_LEN

    mov ebx, gdt_mfn
    mov ecx, 2
    call HYPERCALL(__HYPERVISOR_set_gdt)
    say msg_gdt_ok, MSG_GDT_OK_LEN

    mov edx, msg_entry
    mov ecx, MSG_ENTRY_LEN
    call write
    mov eax, [gdt_page + 8 + 4]
    call put_hex
    mov edx, space
    mov ecx, 1
    call write
    mov eax, [gdt_page + 8]
    call put_hex
    call newline

    mov eax, OUR_DS
    mov ds, ax                      ; the CPU reads GDT entry 1 through Xen's mapping of our frame
    lsl eax, eax
    mov [limit], eax
    mov eax, [gdt_mfn]              ; a read through the new DS (base 0)
    mov edx, msg_ds
    mov ecx, MSG_DS_LEN
    call write
    mov eax, [limit]
    call put_hex
    mov edx, msg_clipped
    mov ecx, MSG_CLIPPED_LEN
    call write

    mov ebx, SCHEDOP_shutdown       ; sched_op(SCHEDOP_shutdown, &{SHUTDOWN_poweroff})
    mov ecx, poweroff
    call HYPERCALL(__HYPERVISOR_sched_op)
    mov ebx, SCHEDOP_shutdown       ; not reached; if the shutdown returns, crash the domain
    mov ecx, crash
    call HYPERCALL(__HYPERVISOR_sched_op)
.hang:
    ud2
    jmp .hang

; write: console_io(CONSOLEIO_write, ECX bytes, EDX). The hypercall may change EBX, ECX, EDX, ESI, EDI.
write:
    mov ebx, CONSOLEIO_write        ; console_io(cmd, count, buffer)
    call HYPERCALL(__HYPERVISOR_console_io)
    ret

newline:
    mov edx, nl
    mov ecx, 1
    jmp write

; put_dec: EAX in signed decimal, then a newline.
put_dec:
    mov edi, numbuf_end - 1
    mov byte [edi], 10
    mov [sign], eax
    test eax, eax
    jns .digits
    neg eax
.digits:
    mov ecx, 10
.next:
    xor edx, edx
    div ecx
    add dl, '0'
    dec edi
    mov [edi], dl
    test eax, eax
    jnz .next
    cmp dword [sign], 0
    jge .out
    dec edi
    mov byte [edi], '-'
.out:
    mov edx, edi
    mov ecx, numbuf_end
    sub ecx, edi
    jmp write

; put_hex: "0x" and EAX as 8 lower-case hex digits.
put_hex:
    mov edi, numbuf
    mov word [edi], '0x'
    add edi, 2
    mov ecx, 8
.nibble:
    rol eax, 4
    mov edx, eax
    and edx, 0xF
    mov dl, [hexdigits + edx]
    mov [edi], dl
    inc edi
    dec ecx
    jnz .nibble
    mov edx, numbuf
    mov ecx, 10
    jmp write

; The page the builder fills with hypercall stubs; ud2 (0F 0B) everywhere until it does.
section .text.hypercall_page progbits alloc exec nowrite align=4096
global hypercall_page
hypercall_page:
    times 2048 db 0x0F, 0x0B

section .rodata
msg_dpl0:       db "update_descriptor(DPL 0 data segment): "
MSG_DPL0_LEN    equ $ - msg_dpl0
msg_xen:        db "update_descriptor(segment based in Xen's area): "
MSG_XEN_LEN     equ $ - msg_xen
msg_gdt_bad:    db "set_gdt(frame holding a DPL 0 descriptor): "
MSG_GDT_BAD_LEN equ $ - msg_gdt_bad
msg_flat:       db "update_descriptor(flat 4 GiB ring-1 data segment): "
MSG_FLAT_LEN    equ $ - msg_flat
msg_ro:         db "update_va_mapping(GDT page read-only): "
MSG_RO_LEN      equ $ - msg_ro
msg_gdt_ok:     db "set_gdt(1 frame, 2 entries): "
MSG_GDT_OK_LEN  equ $ - msg_gdt_ok
msg_entry:      db "GDT entry 1 as Xen stored it: "
MSG_ENTRY_LEN   equ $ - msg_entry
msg_ds:         db "DS = 0x0009 loaded, limit "
MSG_DS_LEN      equ $ - msg_ds
msg_clipped:    db ": clipped below Xen's area", 10
MSG_CLIPPED_LEN equ $ - msg_clipped
hexdigits:      db "0123456789abcdef"
space:          db " "
nl:             db 10
poweroff:       dd SHUTDOWN_poweroff    ; struct sched_shutdown { reason }
crash:          dd SHUTDOWN_crash

; The same notes as c/head.S.
section .note.Xen note alloc noexec nowrite align=4
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_OS,       db "Xenoscope", 0
    ELFNOTE "Xen", XEN_ELFNOTE_GUEST_VERSION,  db "1", 0
    ELFNOTE "Xen", XEN_ELFNOTE_XEN_VERSION,    db "xen-3.0", 0
    ELFNOTE "Xen", XEN_ELFNOTE_LOADER,         db "generic", 0
    ELFNOTE "Xen", XEN_ELFNOTE_VIRT_BASE,      dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_PADDR_OFFSET,   dd 0
    ELFNOTE "Xen", XEN_ELFNOTE_ENTRY,          dd _start
    ELFNOTE "Xen", XEN_ELFNOTE_HYPERCALL_PAGE, dd hypercall_page
    ELFNOTE "Xen", XEN_ELFNOTE_PAE_MODE,       db "yes", 0

section .bss
align 4096
gdt_page:   resb 4096               ; our GDT: one frame, all descriptors zero (not present) at first
gdt_mfn:    resd 1                  ; frame_list of set_gdt: one machine frame number
result:     resd 1
sign:       resd 1
limit:      resd 1
numbuf:     resb 16
numbuf_end:
align 16
stack:      resb 4096
stack_top:
